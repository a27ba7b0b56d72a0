import { renderUnderApp } from '../../../testing/render-under-app';
import { testSession } from '../../auth/testing/test-session';
import { portalRoutes } from '../routes';

/** A customer user of ACME, as the login answers them. */
export const CUSTOMER_SESSION = testSession('acme.user', {
  role: 'customer',
  displayName: 'Giulia Verdi',
  binding: { customerCode: 'ACME' },
});

/** The portal's screens under `/app`, inside the desk's providers, signed in as an ACME user. */
export function renderPortal({ path, language = 'en' }: { path: string; language?: string }) {
  return renderUnderApp(portalRoutes, { path, language, session: CUSTOMER_SESSION });
}
