import { configure, screen, waitFor, within } from '@testing-library/react';
import { sendJson } from '../../../testing/start-http-stub';
import { renderDesk } from '../../../testing/render-desk';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { detailOf } from '../testing/portal-answers';
import { CUSTOMER_SESSION } from '../testing/render-portal';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ID = 'aaaaaaaa-0000-4000-8000-000000000001';

function startApi() {
  return server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/portal/requests')
      return sendJson(response, 200, { items: [], total: 0, limit: 50, offset: 0 });
    if (url.pathname === `/api/portal/requests/${ID}`) return sendJson(response, 200, detailOf(ID));
    if (url.pathname === '/api/me/notifications')
      return sendJson(response, 200, { notifications: [], unreadCount: 0 });
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

describe('the desk for a customer user', () => {
  it('lands on the portal, with the portal’s four places in its navigation and none of the desk’s', async () => {
    await startApi();
    const { router } = renderDesk({ path: '/app', session: CUSTOMER_SESSION });
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/portal'));
    expect(await screen.findByRole('heading', { level: 1, name: 'My requests' })).toBeTruthy();
    // The side navigation (wide screens) and the tab bar (phones) hold the same places.
    const side = screen.getByRole('navigation', { name: 'Main navigation' });
    const tabs = screen.getByRole('navigation', { name: 'Portal' });
    for (const nav of [side, tabs]) {
      expect(
        within(nav)
          .getAllByRole('link')
          .map((link) => link.getAttribute('href')),
      ).toEqual(['/app/portal', '/app/portal/new', '/app/portal/assets', '/app/portal/contracts']);
    }
    expect(within(tabs).getByRole('link', { name: 'My requests' }).getAttribute('aria-current')).toBe('page');
    expect(within(side).queryByRole('link', { name: 'Service requests' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Toggle navigation' })).toBeNull();
  });

  it('opens a notification’s link to a desk request in the portal instead', async () => {
    await startApi();
    const { router } = renderDesk({ path: `/app/requests/${ID}`, session: CUSTOMER_SESSION });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/app/portal/requests/${ID}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'SR-AAAAAAAA' })).toBeTruthy();
    const tabs = screen.getByRole('navigation', { name: 'Portal' });
    expect(within(tabs).getByRole('link', { name: 'My requests' }).getAttribute('aria-current')).toBe('page');
  });
});
