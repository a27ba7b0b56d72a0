import { renderUnderApp } from '../../../testing/render-under-app';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import { notificationRoutes } from '../routes';

/**
 * The notification screens under `/app`, inside the desk's providers and signed in (a dispatcher
 * unless told), on a memory router at `path`. Any other `/app/...` path renders its own path, for
 * tests to see where a link went.
 */
export function renderNotifications({
  path,
  language = 'en',
  session = testSession('disp.mi'),
}: {
  path: string;
  language?: string;
  session?: Session;
}) {
  return renderUnderApp(notificationRoutes, { path, language, session, elsewhere: true });
}
