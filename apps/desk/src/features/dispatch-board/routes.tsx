import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** Mounted under /app/ by the app's routes; the board's code (FullCalendar) loads on first visit. */
export const dispatchBoardRoute: RouteObject = {
  path: 'board',
  ...lazyScreen(async () => (await import('./components/dispatch-board-page')).DispatchBoardPage),
};
