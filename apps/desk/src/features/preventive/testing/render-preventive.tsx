import { renderUnderApp } from '../../../testing/render-under-app';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import { preventiveRoute } from '../routes';

/**
 * The preventive screen under `/app`, inside the desk's providers and signed in (a dispatcher
 * unless told), on a memory router at `path`. Any other `/app/...` path renders its own path, for
 * tests to see where a link went.
 */
export function renderPreventive({
  path = '/app/preventive',
  language = 'en',
  session = testSession('disp.mi'),
}: { path?: string; language?: string; session?: Session } = {}) {
  return renderUnderApp([preventiveRoute], { path, language, session, elsewhere: true });
}
