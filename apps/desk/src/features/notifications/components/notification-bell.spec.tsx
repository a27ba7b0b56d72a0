import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { axeViolations } from '../../../testing/axe-violations';
import { renderDesk } from '../../../testing/render-desk';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { inboxNotificationOf, inboxPageOf } from '../testing/inbox-notification-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

interface Api {
  stub: HttpStub;
  /** The live feeds opened so far, the latest last. */
  feeds: ServerResponse[];
}

/** The frame's API: no master data, the inbox with `unread()` unread, and the live feed. */
async function startApi(unread: () => number | { status: number }): Promise<Api> {
  const feeds: ServerResponse[] = [];
  const stub = await server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/master-data') return sendJson(response, 200, []);
    if (url.pathname === '/api/me/notifications') {
      const answer = unread();
      if (typeof answer !== 'number')
        return sendJson(
          response,
          answer.status,
          { status: answer.status, title: 'Broken' },
          'application/problem+json',
        );
      return sendJson(
        response,
        200,
        inboxPageOf(url.searchParams.get('limit') === '1' && answer > 0 ? [inboxNotificationOf('n-1')] : [], {
          unreadCount: answer,
        }),
      );
    }
    if (url.pathname === '/api/live') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': connected\n\n');
      feeds.push(response);
      return undefined;
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
  return { stub, feeds };
}

const countReads = (stub: HttpStub) =>
  stub.requests.filter((r) => r.url.startsWith('/api/me/notifications?unread=true&limit=1')).length;

const changed = (feed: ServerResponse | undefined, topics: string[]) =>
  feed?.write(`event: changed\ndata: ${JSON.stringify({ topics })}\n\n`);

describe('the notifications bell', () => {
  it('shows the unread count in the header and follows the live notices of the user’s inbox', async () => {
    let unread = 2;
    const { stub, feeds } = await startApi(() => unread);
    const { container } = renderDesk({ path: '/app', session: testSession('marco') });
    const banner = await screen.findByRole('banner');
    const bell = await within(banner).findByRole('link', { name: 'Notifications, 2 unread' });
    expect(bell.getAttribute('href')).toBe('/app/inbox');
    expect(within(banner).getByTestId('unread-count').textContent).toContain('2');
    expect(within(banner).getByRole('status').textContent).toBe('2 unread notifications');
    await waitFor(() => expect(feeds).toHaveLength(1));
    await waitFor(() => expect(countReads(stub)).toBeGreaterThanOrEqual(1));

    // A notice about something else leaves the inbox alone.
    const before = countReads(stub);
    changed(feeds[0], ['stock']);
    // A new notification for this user: the count follows without a reload.
    unread = 3;
    changed(feeds[0], ['inbox/user-marco']);
    await within(banner).findByRole('link', { name: 'Notifications, 3 unread' });
    expect(countReads(stub)).toBe(before + 1);
    expect(within(banner).getByRole('status').textContent).toBe('3 unread notifications');
    expect(await axeViolations(container)).toEqual([]);
    feeds[0]?.end();
  });

  it('refetches the count when the live feed reconnects, for what arrived while it was down', async () => {
    let unread = 1;
    const { feeds } = await startApi(() => unread);
    renderDesk({ path: '/app', session: testSession('marco') });
    const banner = await screen.findByRole('banner');
    await within(banner).findByRole('link', { name: 'Notifications, 1 unread' });
    await waitFor(() => expect(feeds).toHaveLength(1));
    // The feed drops; meanwhile four notifications arrive, and no notice can say so.
    unread = 5;
    feeds[0]?.end();
    await waitFor(() => expect(feeds).toHaveLength(2), { timeout: 5000 });
    await within(banner).findByRole('link', { name: 'Notifications, 5 unread' });
    feeds[1]?.end();
  });

  it('has no count with nothing unread, and none (and no error in the header) when the inbox cannot be read', async () => {
    let answer: number | { status: number } = 0;
    await startApi(() => answer);
    const first = renderDesk({ path: '/app', session: testSession('marco') });
    const banner = await screen.findByRole('banner');
    await within(banner).findByRole('link', { name: 'Notifications' });
    await waitFor(() =>
      expect(within(banner).getByTestId('unread-count').getAttribute('data-count')).toBe('0'),
    );
    first.unmount();

    answer = { status: 503 };
    renderDesk({ path: '/app', session: testSession('marco') });
    const again = await screen.findByRole('banner');
    expect(await within(again).findByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens the inbox, and is in Italian too', async () => {
    await startApi(() => 4);
    const { router } = renderDesk({ path: '/app', session: testSession('marco'), language: 'it' });
    const banner = await screen.findByRole('banner');
    fireEvent.click(await within(banner).findByRole('link', { name: 'Notifiche, 4 da leggere' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/inbox'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifiche' })).toBeTruthy();
  });

  it('links the user’s notification settings from the user menu', async () => {
    await startApi(() => 0);
    const { router } = renderDesk({ path: '/app', session: testSession('marco') });
    fireEvent.click(await screen.findByRole('button', { name: 'User menu for marco' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Notification settings' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/settings/notifications'));
  });
});
