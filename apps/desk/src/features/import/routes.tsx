import type { RouteObject } from 'react-router';
import { ImportPage } from './components/import-page';

/** Mounted under /app/ by the app's routes. */
export const importRoute: RouteObject = { path: 'import', element: <ImportPage /> };
