import { renderUnderApp } from '../../../testing/render-under-app';
import { createI18n } from '../../../app/i18n/create-i18n';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import en from '../i18n/en.json';
import it from '../i18n/it.json';
import { serviceRequestRoutes } from '../routes';

/**
 * The feature's screens under `/app`, inside the desk's providers and signed in, on a memory router
 * at `path`. The namespace is added here as well, so the texts show whether or not the app's
 * resources list it yet. Any other `/app/...` path renders its own path, for tests to see where a
 * link or shortcut went.
 */
export function renderServiceRequests({
  path,
  language = 'en',
  session = testSession('disp.mi'),
}: {
  path: string;
  language?: string;
  session?: Session;
}) {
  const i18n = createI18n(language);
  i18n.addResourceBundle('en', 'serviceRequests', en, true, false);
  i18n.addResourceBundle('it', 'serviceRequests', it, true, false);
  return renderUnderApp(serviceRequestRoutes, { path, session, i18n, elsewhere: true });
}
