import type { RouteObject } from 'react-router';
import { InterventionSheetPage } from './components/intervention-sheet-page';
import { MyAgendaPage } from './components/my-agenda-page';

/** The technician's screens, mounted under /app/ by the app's routes. */
export const technicianRoutes: RouteObject[] = [
  { path: 'my/agenda', element: <MyAgendaPage /> },
  { path: 'my/requests/:id', element: <InterventionSheetPage /> },
];
