import type { RouteObject } from 'react-router';
import { StockPage } from './components/stock-page';

/** Mounted under /app/ by the app's routes. */
export const stockRoute: RouteObject = { path: 'stock', element: <StockPage /> };
