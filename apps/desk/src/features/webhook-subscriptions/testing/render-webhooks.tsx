import { renderUnderApp } from '../../../testing/render-under-app';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import { webhookSubscriptionRoutes } from '../routes';

/**
 * The webhook screens under `/app`, inside the desk's providers and signed in (an administrator
 * unless told), on a memory router at `path`.
 */
export function renderWebhooks({
  path,
  language = 'en',
  session = testSession('admin', { role: 'admin' }),
}: {
  path: string;
  language?: string;
  session?: Session;
}) {
  return renderUnderApp(webhookSubscriptionRoutes, { path, language, session, elsewhere: true });
}
