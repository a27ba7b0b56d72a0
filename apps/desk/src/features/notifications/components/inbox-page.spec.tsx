import type { InboxNotificationView } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { axeViolations } from '../../../testing/axe-violations';
import { sendAnswer, sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { inboxNotificationOf } from '../testing/inbox-notification-of';
import { renderNotifications } from '../testing/render-notifications';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const REQUEST = 'cccccccc-0000-4000-8000-000000000003';
const at = (minutes: number) =>
  new Date(Date.parse('2026-11-27T09:00:00.000Z') + minutes * 60_000).toISOString();
const local = (instant: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));

const NEWEST = inboxNotificationOf('n-3', {
  topic: 'escalation',
  severity: 'critical',
  title: 'Escalation level 1: SR-CCCCCCCC',
  body: 'Half the response time has gone. Acknowledge within 15 minutes.',
  requestId: REQUEST,
  reference: 'SR-CCCCCCCC',
  receivedAt: at(-1),
  escalation: { level: 1, acknowledgeBy: at(14), acknowledged: false },
});
const MIDDLE = inboxNotificationOf('n-2', {
  topic: 'sla-alarm',
  severity: 'warning',
  title: 'SLA alarm on SR-AAAAAAAA',
  receivedAt: at(-30),
});
const OLDEST = inboxNotificationOf('n-1', {
  title: 'Assigned: SR-AAAAAAAA',
  receivedAt: at(-120),
  readAt: at(-100),
});

type Route = (request: RecordedRequest, url: URL) => { status: number; body?: unknown } | undefined;

/**
 * The inbox as the API keeps it: newest first, `pageSize` a page, `before` an instant; marking read
 * and acknowledging change it as the API would. `route` answers what a test is about first.
 */
async function startApi(
  initial: InboxNotificationView[],
  {
    pageSize = 50,
    route = () => undefined,
    live,
  }: { pageSize?: number; route?: Route; live?: (feed: ServerResponse) => void } = {},
) {
  let inbox = [...initial];
  const stub = await server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    const answer = route(request, url);
    if (answer) {
      if (answer.status === 204) {
        response.writeHead(204);
        return response.end();
      }
      return sendAnswer(response, answer.status, answer.body);
    }
    if (url.pathname === '/api/me/notifications' && request.method === 'GET') {
      const unreadOnly = url.searchParams.get('unread') === 'true';
      const before = url.searchParams.get('before');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const matching = inbox
        .filter((n) => !unreadOnly || n.readAt === null)
        .filter((n) => !before || n.receivedAt < before)
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      const page = matching.slice(0, Math.min(limit, pageSize));
      const last = page.at(-1);
      return sendJson(response, 200, {
        notifications: page,
        unreadCount: inbox.filter((n) => n.readAt === null).length,
        ...(matching.length > page.length && last ? { nextBefore: last.receivedAt } : {}),
      });
    }
    if (url.pathname === '/api/me/notifications/read' && request.method === 'POST') {
      const body = JSON.parse(request.body) as { notificationIds?: string[]; all?: true };
      inbox = inbox.map((n) =>
        n.readAt === null && (body.all || body.notificationIds?.includes(n.notificationId))
          ? { ...n, readAt: at(0) }
          : n,
      );
      response.writeHead(204);
      return response.end();
    }
    if (url.pathname === `/api/service-requests/${REQUEST}/escalation/acknowledge`) {
      inbox = inbox.map((n) =>
        n.escalation && n.requestId === REQUEST
          ? { ...n, escalation: { ...n.escalation, acknowledged: true } }
          : n,
      );
      return sendJson(response, 200, { acknowledged: true });
    }
    if (url.pathname === '/api/live' && live) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': connected\n\n');
      return live(response);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
  return {
    stub,
    add: (notification: InboxNotificationView) => (inbox = [notification, ...inbox]),
  };
}

const items = () => within(screen.getByTestId('inbox-list')).getAllByRole('article');
const titles = () => items().map((item) => within(item).getByRole('heading', { level: 2 }).textContent);
const posts = (stub: HttpStub, path: string) =>
  stub.requests
    .filter((r) => r.method === 'POST' && r.url === path)
    .map((r) => JSON.parse(r.body || '{}') as unknown);

describe('the inbox', () => {
  it('lists the notifications newest first, each with its severity, title, body, request, time and whether it is read', async () => {
    await startApi([OLDEST, NEWEST, MIDDLE]);
    const { container } = renderNotifications({ path: '/app/inbox' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeTruthy();
    await screen.findByTestId('inbox-list');
    expect(titles()).toEqual([NEWEST.title, MIDDLE.title, OLDEST.title]);
    expect(screen.getByTestId('inbox-unread-count').textContent).toBe('2 unread');

    const escalation = items()[0]!;
    expect(within(escalation).getByText('Critical')).toBeTruthy();
    expect(within(escalation).getByText('Unread')).toBeTruthy();
    expect(within(escalation).getByText(NEWEST.body)).toBeTruthy();
    expect(
      within(escalation)
        .getByText(`Received ${local(NEWEST.receivedAt)}`)
        .getAttribute('datetime'),
    ).toBe(NEWEST.receivedAt);
    expect(within(escalation).getByRole('link', { name: 'SR-CCCCCCCC' }).getAttribute('href')).toBe(
      `/app/requests/${REQUEST}`,
    );
    // An escalation says its level and the deadline to acknowledge.
    const alert = within(escalation).getByTestId('escalation-alert');
    expect(within(alert).getByText('Escalation level 1')).toBeTruthy();
    expect(
      within(alert).getByText(`Acknowledge by ${local(NEWEST.escalation!.acknowledgeBy!)}`),
    ).toBeTruthy();
    expect(
      within(alert).getByRole('button', { name: 'Acknowledge the escalation of SR-CCCCCCCC' }),
    ).toBeTruthy();

    expect(within(items()[1]!).getByText('Warning')).toBeTruthy();
    // Read: no badge, no button.
    const read = items()[2]!;
    expect(within(read).getByText('Information')).toBeTruthy();
    expect(within(read).queryByText('Unread')).toBeNull();
    expect(within(read).queryByRole('button', { name: /^Mark as read/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Notification settings' }).getAttribute('href')).toBe(
      '/app/settings/notifications',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('marks one as read, then all of them, the count following', async () => {
    const { stub } = await startApi([OLDEST, NEWEST, MIDDLE]);
    renderNotifications({ path: '/app/inbox' });
    await screen.findByTestId('inbox-list');
    fireEvent.click(screen.getByRole('button', { name: `Mark as read — ${MIDDLE.title}` }));
    await waitFor(() => expect(screen.getByTestId('inbox-unread-count').textContent).toBe('1 unread'));
    expect(within(items()[1]!).queryByText('Unread')).toBeNull();
    expect(posts(stub, '/api/me/notifications/read')).toEqual([{ notificationIds: ['n-2'] }]);

    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.getByTestId('inbox-unread-count').textContent).toBe('All read'));
    expect(posts(stub, '/api/me/notifications/read')).toEqual([{ notificationIds: ['n-2'] }, { all: true }]);
    expect(screen.queryByText('Unread')).toBeNull();
    expect((screen.getByRole('button', { name: 'Mark all as read' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('shows only the unread ones when asked, from the URL', async () => {
    const { stub } = await startApi([OLDEST, NEWEST, MIDDLE]);
    const { router } = renderNotifications({ path: '/app/inbox' });
    await screen.findByTestId('inbox-list');
    fireEvent.click(screen.getByRole('switch', { name: 'Unread only' }));
    await waitFor(() => expect(router.state.location.search).toBe('?unread=true'));
    await waitFor(() => expect(titles()).toEqual([NEWEST.title, MIDDLE.title]));
    expect(stub.requests.some((r) => r.url === '/api/me/notifications?limit=50&unread=true')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByText('No unread notifications.')).toBeTruthy();
  });

  it('loads older notifications a page at a time, before the last one shown', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      inboxNotificationOf(`p-${i}`, { title: `Page item ${i}`, receivedAt: at(-i * 10) }),
    );
    const { stub } = await startApi(many, { pageSize: 2 });
    renderNotifications({ path: '/app/inbox' });
    await screen.findByTestId('inbox-list');
    expect(titles()).toEqual(['Page item 0', 'Page item 1']);
    fireEvent.click(screen.getByRole('button', { name: 'Load older notifications' }));
    await waitFor(() => expect(titles()).toHaveLength(4));
    expect(stub.requests.at(-1)?.url).toBe(
      `/api/me/notifications?limit=50&before=${encodeURIComponent(at(-10))}`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load older notifications' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
    expect(screen.queryByRole('button', { name: 'Load older notifications' })).toBeNull();
    expect(screen.getByText('That is all: the inbox keeps every notification.')).toBeTruthy();
  });

  it('acknowledges an escalation with a note, and then shows it acknowledged and read', async () => {
    const { stub } = await startApi([NEWEST, OLDEST]);
    renderNotifications({ path: '/app/inbox' });
    await screen.findByTestId('inbox-list');
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge the escalation of SR-CCCCCCCC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Acknowledge the escalation' });
    expect(within(dialog).getByText(/the alert about SR-CCCCCCCC/)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), {
      target: { value: '  Calling the customer now  ' },
    });
    expect(await axeViolations(dialog)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(stub, `/api/service-requests/${REQUEST}/escalation/acknowledge`)).toEqual([
      { note: 'Calling the customer now' },
    ]);
    const alert = await waitFor(() => {
      const line = within(items()[0]!).getByTestId('escalation-alert');
      expect(line.getAttribute('data-acknowledged')).toBe('true');
      return line;
    });
    expect(within(alert).getByText('Acknowledged')).toBeTruthy();
    expect(within(alert).queryByRole('button')).toBeNull();
    // Whoever acknowledges an alert has read it.
    expect(posts(stub, '/api/me/notifications/read')).toEqual([{ notificationIds: ['n-3'] }]);
    await waitFor(() => expect(screen.getByTestId('inbox-unread-count').textContent).toBe('All read'));
  });

  it('sends no note when none is written, and says why the API refused', async () => {
    const { stub } = await startApi([NEWEST], {
      route: (request, url) =>
        url.pathname.endsWith('/escalation/acknowledge')
          ? {
              status: 409,
              body: {
                status: 409,
                title: 'Conflict',
                detail: 'Nothing to acknowledge',
                code: 'nothing_to_acknowledge',
              },
            }
          : undefined,
    });
    renderNotifications({ path: '/app/inbox' });
    await screen.findByTestId('inbox-list');
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge the escalation of SR-CCCCCCCC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Acknowledge the escalation' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Nothing to acknowledge');
    expect(posts(stub, `/api/service-requests/${REQUEST}/escalation/acknowledge`)).toEqual([{}]);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('brings in what arrives while it is open, on the live notice of the user’s inbox', async () => {
    let feed: ServerResponse | undefined;
    const api = await startApi([OLDEST], { live: (response) => (feed = response) });
    renderNotifications({ path: '/app/inbox' });
    await screen.findByTestId('inbox-list');
    await waitFor(() => expect(feed).toBeDefined());
    api.add(NEWEST);
    feed?.write(`event: changed\ndata: ${JSON.stringify({ topics: ['inbox/user-disp.mi'] })}\n\n`);
    await waitFor(() => expect(titles()).toEqual([NEWEST.title, OLDEST.title]));
    feed?.end();
  });

  it('speaks Italian, and says when there is nothing', async () => {
    await startApi([]);
    renderNotifications({ path: '/app/inbox', language: 'it' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifiche' })).toBeTruthy();
    expect(await screen.findByText('Nessuna notifica.')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Solo da leggere' })).toBeTruthy();
    expect(screen.getByTestId('inbox-unread-count').textContent).toBe('Tutte lette');
  });
});
