import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { renderDesk } from '../../../testing/render-desk';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { renderWebhooks } from '../testing/render-webhooks';
import { serveWebhookApi } from '../testing/serve-webhook-api';
import { webhookSubscriptionOf } from '../testing/webhook-subscription-of';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const ADMIN = testSession('admin', { role: 'admin', id: 'user-admin' });
const AUDITOR = testSession('audit', { role: 'auditor' });
const LIST = [
  webhookSubscriptionOf('w-1'),
  webhookSubscriptionOf('w-2', {
    name: 'CRM: machine signals',
    url: 'https://crm.example.com/in',
    categories: ['devices'],
    eventTypes: [],
    failing: {
      since: '2026-11-27T07:00:00.000Z',
      markedAt: '2026-11-27T08:00:00.000Z',
      consecutiveFailures: 42,
      lastError: 'answered 503',
    },
    delivery: {
      ...webhookSubscriptionOf('x').delivery,
      pendingEvents: 1000,
      pendingCapped: true,
      lastSuccessAt: null,
    },
  }),
  webhookSubscriptionOf('w-3', {
    name: 'Old warehouse system',
    status: 'paused',
    paused: { at: '2026-11-27T08:00:00.000Z', reason: 'receiver-gone', detail: 'answered 410' },
    eventTypes: ['io.fieldstream.service-request.opened.v1'],
    categories: [],
    delivery: { ...webhookSubscriptionOf('x').delivery, pendingEvents: 3 },
  }),
];
const row = (id: string) =>
  screen.getByTestId('webhooks').querySelector(`tr[data-webhook-id="${id}"]`) as HTMLElement;
const cells = (id: string) => [...row(id).children].map((cell) => cell.textContent);

describe('the webhooks page', () => {
  it('lists each subscription with its status, target, events, lag and last delivery', async () => {
    await serveWebhookApi(server, { subscriptions: LIST });
    const { container } = renderWebhooks({ path: '/app/integrations/webhooks' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Webhooks' })).toBeTruthy();
    await screen.findByTestId('webhooks');
    expect(cells('w-1').slice(0, 5)).toEqual([
      'ERP: requests',
      'Active',
      'https://erp.example.com/hooks/fieldstream',
      '1 category, 2 types',
      'Up to date',
    ]);
    expect(cells('w-2').slice(1, 6)).toEqual([
      'Failing',
      'https://crm.example.com/in',
      '1 category',
      'More than 1000 events',
      'Never',
    ]);
    expect(cells('w-3').slice(1, 5)).toEqual([
      'Paused by the receiver',
      'https://erp.example.com/hooks/fieldstream',
      '1 type',
      '3 events',
    ]);
    expect(within(row('w-1')).getByRole('link', { name: 'ERP: requests' }).getAttribute('href')).toBe(
      '/app/integrations/webhooks/w-1',
    );
    expect(screen.getByRole('button', { name: 'New subscription' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('makes a subscription from the catalogue, showing the server’s refusal on its field, then opens it', async () => {
    const { stub } = await serveWebhookApi(server, { subscriptions: [] });
    const { router } = renderWebhooks({ path: '/app/integrations/webhooks', session: ADMIN });
    expect(await screen.findByTestId('webhooks-empty')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New subscription' }));
    const dialog = await screen.findByRole('dialog', { name: 'New webhook subscription' });
    // The categories and types come from the catalogue.
    const devices = await within(dialog).findByRole('checkbox', { name: 'Devices' });
    expect(within(dialog).getByRole('checkbox', { name: 'Service requests' })).toBeTruthy();

    // Nothing chosen: said before anything is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Give the subscription a name')).toBeTruthy();
    expect(within(dialog).getByText('Give the URL events are sent to')).toBeTruthy();
    expect(within(dialog).getByText('Choose at least one category or event type')).toBeTruthy();
    expect(stub.requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Boiler signals' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Target URL/ }), {
      target: { value: 'http://erp.example.com/hooks' },
    });
    fireEvent.click(devices);
    const types = within(dialog).getByRole('combobox', { name: /^Event types/ });
    fireEvent.click(types);
    fireEvent.change(types, { target: { value: 'closed' } });
    fireEvent.click(await screen.findByRole('option', { name: 'io.fieldstream.service-request.closed.v1' }));
    // A type of a category chosen whole is not offered: it comes with the category.
    fireEvent.change(types, { target: { value: 'anomaly' } });
    expect(screen.queryByRole('option', { name: 'io.fieldstream.device.anomaly-raised.v1' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Events are sent to https URLs only')).toBeTruthy();

    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Target URL/ }), {
      target: { value: 'https://erp.example.com/hooks' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/integrations/webhooks/w-1'));
    const posted = stub.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body));
    expect(posted.at(-1)).toEqual({
      name: 'Boiler signals',
      url: 'https://erp.example.com/hooks',
      categories: ['devices'],
      eventTypes: ['io.fieldstream.service-request.closed.v1'],
    });
    expect(
      await screen.findByText('Subscription made: its secret below verifies the calls’ signatures.'),
    ).toBeTruthy();
  });

  it('lets an auditor read the list, with nothing to make', async () => {
    await serveWebhookApi(server, { subscriptions: LIST });
    renderWebhooks({ path: '/app/integrations/webhooks', session: AUDITOR });
    await screen.findByTestId('webhooks');
    expect(screen.queryByRole('button', { name: 'New subscription' })).toBeNull();
  });

  it('says who may see webhooks to anyone else', async () => {
    await serveWebhookApi(server);
    renderWebhooks({ path: '/app/integrations/webhooks', session: testSession('disp.mi') });
    expect(
      await screen.findByText('Webhooks are for administrators, auditors and integrations.'),
    ).toBeTruthy();
  });

  it('is under Integrations in the navigation of administrators, auditors and integrations only', async () => {
    await serveWebhookApi(server, { subscriptions: LIST });
    const admin = renderDesk({ path: '/app/integrations/webhooks', session: ADMIN });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const integrations = await within(nav).findByRole('group', { name: 'Integrations' });
    const link = within(integrations).getByRole('link', { name: 'Webhooks' });
    expect(link.getAttribute('href')).toBe('/app/integrations/webhooks');
    expect(link.getAttribute('aria-current')).toBe('page');
    admin.unmount();

    renderDesk({ path: '/app', session: testSession('disp.mi') });
    const deskNav = await screen.findByRole('navigation', { name: 'Main navigation' });
    await within(deskNav).findByRole('link', { name: 'Home' });
    expect(within(deskNav).queryByRole('group', { name: 'Integrations' })).toBeNull();
  });

  it('speaks Italian', async () => {
    await serveWebhookApi(server, { subscriptions: LIST });
    renderWebhooks({ path: '/app/integrations/webhooks', language: 'it' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Webhook' })).toBeTruthy();
    await screen.findByTestId('webhooks');
    expect(within(row('w-2')).getByText('In errore')).toBeTruthy();
    expect(within(row('w-2')).getByText('Più di 1000 eventi')).toBeTruthy();
  });
});
