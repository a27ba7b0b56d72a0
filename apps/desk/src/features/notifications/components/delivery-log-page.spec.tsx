import type { DeliveryLogEntry } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { renderDesk } from '../../../testing/render-desk';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { deliveryOf } from '../testing/delivery-of';
import { renderNotifications } from '../testing/render-notifications';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ADMIN = testSession('admin', { role: 'admin' });
const AUDITOR = testSession('audit', { role: 'auditor' });

const DEAD = deliveryOf('d-3', {
  channel: 'sms',
  status: 'dead',
  address: '+393471234567',
  subject: 'Escalation level 1: SR-AAAAAAAA',
  topic: 'escalation',
  scheduledAt: '2026-11-27T08:30:00.000Z',
  notBefore: '2026-11-27T08:30:00.000Z',
  attempts: [
    { attempt: 1, at: '2026-11-27T08:30:01.000Z', outcome: 'failed', error: 'Gateway timeout' },
    { attempt: 2, at: '2026-11-27T08:31:01.000Z', outcome: 'failed', error: 'Gateway timeout' },
    { attempt: 3, at: '2026-11-27T08:33:01.000Z', outcome: 'failed', error: 'Number not reachable' },
  ],
  lastError: 'Number not reachable',
});
delete (DEAD as Partial<DeliveryLogEntry>).sentAt;
const PENDING = deliveryOf('d-2', {
  status: 'pending',
  subject: 'Assigned: SR-BBBBBBBB',
  reference: 'SR-BBBBBBBB',
  requestId: 'bbbbbbbb-0000-4000-8000-000000000002',
  notBefore: '2026-11-27T06:00:00.000Z',
  attempts: [],
});
delete (PENDING as Partial<DeliveryLogEntry>).sentAt;
const SENT = deliveryOf('d-1');

/** The log as the API keeps it, filtered by status and channel; a requeue makes a dead letter pending. */
async function startApi({ pageSize = 100 }: { pageSize?: number } = {}) {
  let log = [DEAD, PENDING, SENT];
  const stub = await server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === '/api/notification-deliveries' && request.method === 'GET') {
      const status = url.searchParams.get('status');
      const channel = url.searchParams.get('channel');
      const before = url.searchParams.get('before');
      const matching = log
        .filter((d) => (!status || d.status === status) && (!channel || d.channel === channel))
        .filter((d) => !before || d.deliveryId < before);
      const page = matching.slice(0, pageSize);
      return sendJson(response, 200, {
        deliveries: page,
        counts: {
          pending: log.filter((d) => d.status === 'pending').length,
          sent: log.filter((d) => d.status === 'sent').length,
          dead: log.filter((d) => d.status === 'dead').length,
        },
        ...(matching.length > page.length ? { nextBefore: page.at(-1)?.deliveryId } : {}),
      });
    }
    const requeue = /^\/api\/notification-deliveries\/([^/]+)\/requeue$/.exec(url.pathname);
    if (requeue && request.method === 'POST') {
      log = log.map((d) =>
        d.deliveryId === requeue[1] ? { ...d, status: 'pending', attempts: [], lastError: undefined } : d,
      ) as DeliveryLogEntry[];
      response.writeHead(204);
      return response.end();
    }
    if (url.pathname === '/api/master-data')
      return sendJson(response, 200, [
        { kind: 'parameters', plural: 'parameters', read: 'all', write: 'all', columns: [] },
        { kind: 'notification-rule', plural: 'notification-rules', read: 'all', write: 'all', columns: [] },
        { kind: 'escalation-chain', plural: 'escalation-chains', read: 'all', write: 'all', columns: [] },
      ]);
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
  return stub;
}

const row = (id: string) =>
  screen.getByTestId('delivery-log').querySelector(`tr[data-delivery-id="${id}"]`) as HTMLElement;
const posts = (stub: HttpStub) => stub.requests.filter((r) => r.method === 'POST').map((r) => r.url);

describe('the delivery log', () => {
  it('shows the counts per status, each delivery, and the dead letters standing out with their last error', async () => {
    await startApi();
    const { container } = renderNotifications({ path: '/app/notification-deliveries', session: ADMIN });
    expect(await screen.findByRole('heading', { level: 1, name: 'Delivery log' })).toBeTruthy();
    await screen.findByTestId('delivery-log');
    const counts = within(screen.getByRole('region', { name: 'Deliveries by status' }));
    expect(
      counts
        .getAllByRole('term')
        .map((term) => `${term.textContent} ${term.nextElementSibling?.textContent}`),
    ).toEqual(['Pending 1', 'Sent 1', 'Dead letters 1']);
    const rows = within(screen.getByTestId('delivery-log'))
      .getAllByRole('row')
      .filter((r) => r.hasAttribute('data-delivery-id'));
    expect(rows.map((r) => r.getAttribute('data-delivery-id'))).toEqual(['d-3', 'd-2', 'd-1']);

    const dead = row('d-3');
    expect(dead.getAttribute('data-status')).toBe('dead');
    expect(dead.style.background).toContain('var(--mantine-color-red-0)');
    expect(within(dead).getByText('Dead letter')).toBeTruthy();
    expect(within(dead).getByText('SMS')).toBeTruthy();
    expect(within(dead).getByText('+393471234567')).toBeTruthy();
    expect(within(dead).getByText('Number not reachable')).toBeTruthy();
    expect(
      within(dead).getByRole('button', {
        name: 'Send again “Escalation level 1: SR-AAAAAAAA” to Anna Bianchi',
      }),
    ).toBeTruthy();
    expect(within(row('d-2')).getByText('None yet')).toBeTruthy();
    expect(within(row('d-2')).getByRole('link', { name: 'SR-BBBBBBBB' }).getAttribute('href')).toBe(
      '/app/requests/bbbbbbbb-0000-4000-8000-000000000002',
    );
    // Only a dead letter can be sent again.
    expect(within(row('d-2')).queryByRole('button', { name: /^Send again/ })).toBeNull();
    expect(within(row('d-1')).queryByRole('button', { name: /^Send again/ })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('lists a delivery’s attempts on demand', async () => {
    await startApi();
    renderNotifications({ path: '/app/notification-deliveries', session: ADMIN });
    await screen.findByTestId('delivery-log');
    const toggle = within(row('d-3')).getByRole('button', { name: '3 attempts to Anna Bianchi' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(panel.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    const attempts = within(panel).getByRole('table', {
      name: 'Attempts to deliver “Escalation level 1: SR-AAAAAAAA” to Anna Bianchi',
    });
    expect(
      within(attempts)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.children].map((cell, i) => (i === 1 ? '' : cell.textContent))),
    ).toEqual([
      ['1', '', 'Failed', 'Gateway timeout'],
      ['2', '', 'Failed', 'Gateway timeout'],
      ['3', '', 'Failed', 'Number not reachable'],
    ]);
    fireEvent.click(toggle);
    expect(panel.hidden).toBe(true);
  });

  it('sends a dead letter again after the administrator confirms', async () => {
    const stub = await startApi();
    renderNotifications({ path: '/app/notification-deliveries', session: ADMIN });
    await screen.findByTestId('delivery-log');
    const send = () => within(row('d-3')).getByRole('button', { name: /^Send again/ });

    fireEvent.click(send());
    let dialog = await screen.findByRole('dialog', { name: 'Send this message again?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(stub)).toEqual([]);

    fireEvent.click(send());
    dialog = await screen.findByRole('dialog', { name: 'Send this message again?' });
    expect(
      within(dialog).getByText(
        '“Escalation level 1: SR-AAAAAAAA” to Anna Bianchi (+393471234567) by SMS goes back in the queue and is tried again, its attempts counted afresh.',
      ),
    ).toBeTruthy();
    expect(await axeViolations(dialog)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(stub)).toEqual(['/api/notification-deliveries/d-3/requeue']);
    expect(
      (
        await screen.findByText('Back in the queue: “Escalation level 1: SR-AAAAAAAA” to Anna Bianchi.')
      ).closest('[role="status"]'),
    ).toBeTruthy();
    await waitFor(() => expect(row('d-3').getAttribute('data-status')).toBe('pending'));
    expect(within(row('d-3')).queryByRole('button', { name: /^Send again/ })).toBeNull();
  });

  it('lets an auditor read it, with nothing to send again', async () => {
    await startApi();
    renderNotifications({ path: '/app/notification-deliveries', session: AUDITOR });
    await screen.findByTestId('delivery-log');
    expect(within(row('d-3')).getByText('Dead letter')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Send again/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
  });

  it('filters by status and channel from the URL, and asks the API for just those', async () => {
    const stub = await startApi();
    const { router } = renderNotifications({
      path: '/app/notification-deliveries?channel=sms',
      session: ADMIN,
    });
    await screen.findByTestId('delivery-log');
    expect(stub.requests.some((r) => r.url === '/api/notification-deliveries?channel=sms&limit=100')).toBe(
      true,
    );
    expect((screen.getByRole('combobox', { name: 'Channel' }) as HTMLInputElement).value).toBe('SMS');
    fireEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Dead letter' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=dead&channel=sms'));
    await waitFor(() =>
      expect(
        stub.requests.some((r) => r.url === '/api/notification-deliveries?status=dead&channel=sms&limit=100'),
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('combobox', { name: 'Channel' }));
    fireEvent.click(await screen.findByRole('option', { name: 'E-mail' }));
    expect(await screen.findByText('No delivery matches.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('loads older deliveries a page at a time', async () => {
    const stub = await startApi({ pageSize: 2 });
    renderNotifications({ path: '/app/notification-deliveries', session: ADMIN });
    await screen.findByTestId('delivery-log');
    expect(row('d-1')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load older deliveries' }));
    await waitFor(() => expect(row('d-1')).toBeTruthy());
    expect(stub.requests.at(-1)?.url).toBe('/api/notification-deliveries?limit=100&before=d-2');
  });

  it('is under Administration in the navigation of admins and auditors only, with the notification master data under Settings', async () => {
    await startApi();
    const admin = renderDesk({ path: '/app/notification-deliveries', session: ADMIN });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const administration = await within(nav).findByRole('group', { name: 'Administration' });
    const link = within(administration).getByRole('link', { name: 'Delivery log' });
    expect(link.getAttribute('href')).toBe('/app/notification-deliveries');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(within(administration).getByRole('link', { name: 'Users' })).toBeTruthy();
    const settings = await within(nav).findByRole('group', { name: 'Settings' });
    expect(within(settings).getByRole('link', { name: 'Notification rules' }).getAttribute('href')).toBe(
      '/app/md/notification-rules',
    );
    expect(within(settings).getByRole('link', { name: 'Escalation chains' }).getAttribute('href')).toBe(
      '/app/md/escalation-chains',
    );
    admin.unmount();

    renderDesk({ path: '/app', session: testSession('disp.mi') });
    const deskNav = await screen.findByRole('navigation', { name: 'Main navigation' });
    await within(deskNav).findByRole('link', { name: 'Escalation chains' });
    expect(within(deskNav).queryByRole('link', { name: 'Delivery log' })).toBeNull();
    expect(within(deskNav).queryByRole('group', { name: 'Administration' })).toBeNull();
  });

  it('speaks Italian', async () => {
    await startApi();
    renderNotifications({ path: '/app/notification-deliveries', session: ADMIN, language: 'it' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Registro degli invii' })).toBeTruthy();
    await screen.findByTestId('delivery-log');
    expect(within(row('d-3')).getByText('Non recapitabile')).toBeTruthy();
    expect(within(row('d-3')).getByRole('button', { name: /^Invia di nuovo/ })).toBeTruthy();
    expect(within(row('d-3')).getByRole('button', { name: '3 tentativi verso Anna Bianchi' })).toBeTruthy();
  });
});
