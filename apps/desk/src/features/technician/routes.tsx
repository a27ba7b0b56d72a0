import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../shared/components/lazy-screen';

/** The technician's screens, mounted under /app/ by the app's routes; each loads on first visit. */
export const technicianRoutes: RouteObject[] = [
  {
    path: 'my/agenda',
    ...lazyScreen(async () => (await import('./components/my-agenda-page')).MyAgendaPage),
  },
  {
    path: 'my/requests/:id',
    ...lazyScreen(async () => (await import('./components/intervention-sheet-page')).InterventionSheetPage),
  },
];
