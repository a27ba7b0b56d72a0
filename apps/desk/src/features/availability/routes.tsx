import type { RouteObject } from 'react-router';
import { AvailabilityPage } from './components/availability-page';

/** Mounted under /app/ by the app's routes. */
export const availabilityRoute: RouteObject = { path: 'availability', element: <AvailabilityPage /> };
