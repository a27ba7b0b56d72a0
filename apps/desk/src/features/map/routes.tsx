import type { RouteObject } from 'react-router';
import { MapPage } from './components/map-page';

/** Mounted under /app/ by the app's routes. */
export const mapRoute: RouteObject = { path: 'map', element: <MapPage /> };
