import { renderUnderApp } from '../../../testing/render-under-app';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import { serviceLevelsRoute } from '../routes';

/**
 * The dashboard under `/app`, inside the desk's providers and signed in as a manager, on a memory
 * router at `path`. Any other `/app/...` path renders its own path, for tests to see where a link went.
 */
export function renderServiceLevels({
  path,
  language = 'en',
  session = testSession('mgr.mi', { role: 'manager' }),
}: {
  path: string;
  language?: string;
  session?: Session;
}) {
  return renderUnderApp([serviceLevelsRoute], { path, language, session, elsewhere: true });
}
