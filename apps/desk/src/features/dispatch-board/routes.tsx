import type { RouteObject } from 'react-router';
import { DispatchBoardPage } from './components/dispatch-board-page';

/** Mounted under /app/ by the app's routes. */
export const dispatchBoardRoute: RouteObject = { path: 'board', element: <DispatchBoardPage /> };
