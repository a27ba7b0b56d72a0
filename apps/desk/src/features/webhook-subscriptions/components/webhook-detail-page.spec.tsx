import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import type { HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { renderWebhooks } from '../testing/render-webhooks';
import { NEW_SECRET, SECRET, serveWebhookApi } from '../testing/serve-webhook-api';
import { webhookSubscriptionOf } from '../testing/webhook-subscription-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ADMIN = testSession('admin', { role: 'admin' });
const AUDITOR = testSession('audit', { role: 'auditor' });
const PATH = '/app/integrations/webhooks/w-1';
const posts = (stub: HttpStub) =>
  stub.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url} ${r.body}`.trim());
const notice = () => screen.getByTestId('webhook-notice');
const actions = () => screen.getByRole('group', { name: 'Actions' });

describe('a webhook subscription’s page', () => {
  it('shows what it is, where its deliveries stand and every attempt, each with its outcome', async () => {
    await serveWebhookApi(server, {
      subscriptions: [
        webhookSubscriptionOf('w-1', {
          failing: {
            since: '2026-11-27T07:00:00.000Z',
            markedAt: '2026-11-27T08:00:00.000Z',
            consecutiveFailures: 42,
            lastError: 'answered 503: busy',
          },
          delivery: {
            ...webhookSubscriptionOf('x').delivery,
            pendingEvents: 12,
            consecutiveFailures: 42,
            lastError: 'answered 503: busy',
          },
        }),
      ],
    });
    const { container } = renderWebhooks({ path: PATH, session: ADMIN });
    expect(await screen.findByRole('heading', { level: 1, name: 'ERP: requests' })).toBeTruthy();
    expect(screen.getByText('Failing')).toBeTruthy();
    expect(screen.getByText(/^Failing since .*: answered 503: busy$/)).toBeTruthy();
    const delivery = within(screen.getByRole('region', { name: 'Deliveries' }));
    const facts = Object.fromEntries(
      delivery.getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(facts).toMatchObject({
      'Events waiting': '12 events',
      'Delivered through position': '120',
      'Last position in the log': '130',
      'Failures in a row': '42',
      'Events delivered': '40',
      'Events refused and skipped': '1',
    });
    const subscription = within(screen.getByRole('region', { name: 'Subscription' }));
    expect(subscription.getByText('io.fieldstream.service-request.opened.v1')).toBeTruthy();
    // Categories by their titles, once the catalogue is read.
    expect(await subscription.findByText('Devices')).toBeTruthy();
    const log = await screen.findByTestId('webhook-log');
    expect(
      within(log)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [
          row.getAttribute('data-outcome'),
          row.children[3]?.textContent,
          row.children[5]?.textContent,
        ]),
    ).toEqual([
      ['failed', '2', 'HTTP 503busy'],
      ['refused', '1', 'HTTP 422no such order'],
      ['delivered', '1', 'HTTP 204'],
    ]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('pauses, resumes and sends a test ping, saying what each did', async () => {
    const { stub } = await serveWebhookApi(server);
    renderWebhooks({ path: PATH, session: ADMIN });
    await screen.findByRole('heading', { level: 1, name: 'ERP: requests' });
    fireEvent.click(within(actions()).getByRole('button', { name: 'Pause' }));
    await waitFor(() =>
      expect(notice().textContent).toBe('Deliveries paused: what happens meanwhile is sent on resumption.'),
    );
    expect(await screen.findByText('Paused')).toBeTruthy();
    fireEvent.click(within(actions()).getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(notice().textContent).toBe('Deliveries resumed from where they stopped.'));
    fireEvent.click(within(actions()).getByRole('button', { name: 'Send a test ping' }));
    await waitFor(() =>
      expect(notice().textContent).toBe('Test ping delivered: the receiver answered 204 in 42 ms.'),
    );
    expect(posts(stub)).toEqual([
      'POST /api/webhook-subscriptions/w-1/pause',
      'POST /api/webhook-subscriptions/w-1/resume',
      'POST /api/webhook-subscriptions/w-1/test',
    ]);
  });

  it('replays from a position, checking it before sending and showing the server’s refusal on it', async () => {
    const { stub } = await serveWebhookApi(server);
    renderWebhooks({ path: PATH, session: ADMIN });
    await screen.findByRole('heading', { level: 1, name: 'ERP: requests' });
    fireEvent.click(within(actions()).getByRole('button', { name: 'Replay from a position' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replay from a position' });
    const position = within(dialog).getByRole('textbox', { name: /^From position/ });
    fireEvent.change(position, { target: { value: 'yesterday' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replay' }));
    expect(await within(dialog).findByText('Give a log position: a whole number from 0')).toBeTruthy();
    fireEvent.change(position, { target: { value: '5000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replay' }));
    expect(await within(dialog).findByText('The log’s last position is 130')).toBeTruthy();
    expect(await axeViolations(dialog)).toEqual([]);
    fireEvent.change(position, { target: { value: '42' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(notice().textContent).toBe('Replay recorded: the events from position 42 are being sent again.');
    expect(posts(stub)).toEqual([
      'POST /api/webhook-subscriptions/w-1/replay {"fromPosition":5000}',
      'POST /api/webhook-subscriptions/w-1/replay {"fromPosition":42}',
    ]);
  });

  it('reveals the secret only when asked, and rotates it with the grace chosen', async () => {
    const { stub } = await serveWebhookApi(server);
    renderWebhooks({ path: PATH, session: ADMIN });
    const secretPanel = within(await screen.findByRole('region', { name: 'Signing secret' }));
    expect(secretPanel.getByTestId('webhook-secret').textContent).not.toContain(SECRET);
    expect(stub.requests.some((r) => r.url.endsWith('/secret'))).toBe(false);
    fireEvent.click(secretPanel.getByRole('button', { name: 'Reveal the secret' }));
    await waitFor(() => expect(secretPanel.getByTestId('webhook-secret').textContent).toBe(SECRET));
    fireEvent.click(secretPanel.getByRole('button', { name: 'Hide the secret' }));
    expect(secretPanel.getByTestId('webhook-secret').textContent).not.toContain(SECRET);

    fireEvent.click(secretPanel.getByRole('button', { name: 'Rotate the secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate the secret?' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /still signs for/ }), {
      target: { value: '2' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate the secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(secretPanel.getByTestId('webhook-secret').textContent).toBe(NEW_SECRET);
    expect(notice().textContent).toMatch(
      /^New secret made\. Calls are signed with the previous one too until /,
    );
    expect(posts(stub)).toEqual([
      'POST /api/webhook-subscriptions/w-1/rotate-secret {"previousSecretValidMinutes":120}',
    ]);
  });

  it('edits the subscription over the version shown', async () => {
    const { stub } = await serveWebhookApi(server);
    renderWebhooks({ path: PATH, session: ADMIN });
    await screen.findByRole('heading', { level: 1, name: 'ERP: requests' });
    fireEvent.click(within(actions()).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change “ERP: requests”' });
    await within(dialog).findByRole('checkbox', { name: 'Devices' });
    expect((within(dialog).getByRole('checkbox', { name: 'Devices' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Target URL/ }), {
      target: { value: 'https://erp.example.com/v2' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(notice().textContent).toBe('Changes saved.');
    const put = stub.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"1"');
    expect(JSON.parse(put.body)).toMatchObject({
      url: 'https://erp.example.com/v2',
      categories: ['devices'],
    });
  });

  it('deletes after confirming, back to the list', async () => {
    const { stub } = await serveWebhookApi(server);
    const { router } = renderWebhooks({ path: PATH, session: ADMIN });
    await screen.findByRole('heading', { level: 1, name: 'ERP: requests' });
    fireEvent.click(within(actions()).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “ERP: requests”?' });
    expect(
      within(dialog).getByText(
        /Nothing more is sent to https:\/\/erp\.example\.com\/hooks\/fieldstream, and its delivery log goes with it\./,
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/integrations/webhooks'));
    expect(posts(stub)).toEqual(['DELETE /api/webhook-subscriptions/w-1']);
  });

  it('lets an auditor read it without actions or the secret', async () => {
    const { stub } = await serveWebhookApi(server);
    renderWebhooks({ path: PATH, session: AUDITOR });
    await screen.findByRole('heading', { level: 1, name: 'ERP: requests' });
    await screen.findByTestId('webhook-log');
    expect(screen.queryByRole('group', { name: 'Actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reveal the secret' })).toBeNull();
    expect(
      screen.getByText('Only administrators and the subscription’s own integration see its secret.'),
    ).toBeTruthy();
    expect(stub.requests.some((r) => r.url.endsWith('/secret'))).toBe(false);
  });

  it('lets an integration manage its own subscription', async () => {
    await serveWebhookApi(server);
    renderWebhooks({ path: PATH, session: testSession('erp', { role: 'integrator', id: 'key-erp' }) });
    await screen.findByRole('heading', { level: 1, name: 'ERP: requests' });
    expect(within(actions()).getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reveal the secret' })).toBeTruthy();
  });
});
