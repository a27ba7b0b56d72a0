import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** Mounted under /app/ by the app's routes; the screen's code loads on first visit. */
export const stockRoute: RouteObject = {
  path: 'stock',
  ...lazyScreen(async () => (await import('./components/stock-page')).StockPage),
};
