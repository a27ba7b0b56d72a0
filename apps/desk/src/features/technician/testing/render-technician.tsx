import { renderUnderApp } from '../../../testing/render-under-app';
import { createI18n } from '../../../app/i18n/create-i18n';
import { testSession } from '../../auth/testing/test-session';
import type { Session } from '../../auth/types/session';
import en from '../i18n/en.json';
import it from '../i18n/it.json';
import { technicianRoutes } from '../routes';

/** A technician's session as the login answers it: bound to technician T-MI-1. */
export const TECHNICIAN_SESSION = testSession('tech.mi', {
  role: 'technician',
  displayName: 'Marco Tecnico',
  binding: { technicianCode: 'T-MI-1' },
});

/**
 * The technician screens under `/app`, inside the desk's providers and signed in, on a memory
 * router at `path`. Adds the `technician` texts to i18n when the app's resources do not list them
 * yet, so these tests do not depend on the lead's wiring.
 */
export function renderTechnician({
  path,
  language = 'en',
  session = TECHNICIAN_SESSION,
}: {
  path: string;
  language?: string;
  session?: Session;
}) {
  const i18n = createI18n(language);
  if (!i18n.hasResourceBundle('en', 'technician')) i18n.addResourceBundle('en', 'technician', en);
  if (!i18n.hasResourceBundle('it', 'technician')) i18n.addResourceBundle('it', 'technician', it);
  return renderUnderApp(technicianRoutes, { path, session, i18n });
}
