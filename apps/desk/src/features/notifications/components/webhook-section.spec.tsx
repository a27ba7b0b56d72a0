import type { NotificationWebhookView } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { renderScreen } from '../../../testing/render-screen';
import { sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { WebhookSection } from './webhook-section';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const PATH = '/api/me/notification-webhook';
const FIRST_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SECOND_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

/**
 * The user's webhook as the API keeps it: the secret made at the first PUT and kept by later
 * ones, replaced by a rotation. `onPut` may refuse a URL instead.
 */
async function startApi(
  initial: NotificationWebhookView | null = null,
  onPut?: (request: RecordedRequest) => { status: number; body: unknown } | undefined,
): Promise<HttpStub> {
  let stored = initial;
  return server.serve((request, response) => {
    if (request.url === PATH && request.method === 'GET') return sendJson(response, 200, { webhook: stored });
    if (request.url === PATH && request.method === 'PUT') {
      const refusal = onPut?.(request);
      if (refusal) return sendJson(response, refusal.status, refusal.body, 'application/problem+json');
      const { url } = JSON.parse(request.body) as { url: string };
      stored = stored
        ? { ...stored, url }
        : {
            url,
            secret: FIRST_SECRET,
            createdAt: '2026-11-27T09:00:00.000Z',
            secretRotatedAt: '2026-11-27T09:00:00.000Z',
          };
      return sendJson(response, 200, stored);
    }
    if (request.url === `${PATH}/rotate-secret` && request.method === 'POST' && stored) {
      stored = { ...stored, secret: SECOND_SECRET, secretRotatedAt: '2026-11-28T10:30:00.000Z' };
      return sendJson(response, 200, stored);
    }
    if (request.url === PATH && request.method === 'DELETE') {
      stored = null;
      response.writeHead(204).end();
      return;
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const urlBox = () => screen.getByRole('textbox', { name: /^Webhook URL/ }) as HTMLInputElement;
const secret = () => screen.getByTestId('webhook-secret');
const sent = (stub: HttpStub, method: string) =>
  stub.requests.filter((r) => r.method === method).map((r) => `${r.url} ${r.body}`.trim());

describe('my webhook', () => {
  it('explains the signing, sets the URL, and shows the secret the server made, hidden', async () => {
    const stub = await startApi();
    const { container } = renderScreen(<WebhookSection />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Webhook' })).toBeTruthy();
    expect(screen.getByText(/signed per the Standard Webhooks specification/)).toBeTruthy();
    for (const header of ['webhook-timestamp', 'webhook-signature'])
      expect(screen.getByText(header)).toBeTruthy();
    expect(screen.getAllByText('webhook-id')).toHaveLength(2);
    expect((await screen.findByRole('textbox', { name: /^Webhook URL/ })).getAttribute('value')).toBe('');
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.change(urlBox(), { target: { value: ' https://hooks.example.test/fieldstream ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByText('Webhook saved.')).toBeTruthy();
    expect(sent(stub, 'PUT')).toEqual([`${PATH} {"url":"https://hooks.example.test/fieldstream"}`]);
    expect(secret().textContent).toBe('whsec_••••••••••••••••hidden');
    expect(secret().textContent).not.toContain(FIRST_SECRET);
    expect(screen.getByTestId('webhook-created').textContent).toMatch(/Nov 27, 2026/);
    expect(screen.getByTestId('webhook-rotated').textContent).toMatch(/Nov 27, 2026/);
    expect(urlBox().value).toBe('https://hooks.example.test/fieldstream');
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Reveal the secret' }));
    expect(secret().textContent).toBe(FIRST_SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Hide the secret' }));
    expect(secret().textContent).not.toContain(FIRST_SECRET);
    expect(screen.getByRole('button', { name: 'Copy the secret' })).toBeTruthy();
  });

  it('rotates the secret after warning that the receiver must follow', async () => {
    const stub = await startApi({
      url: 'https://hooks.example.test/fieldstream',
      secret: FIRST_SECRET,
      createdAt: '2026-11-27T09:00:00.000Z',
      secretRotatedAt: '2026-11-27T09:00:00.000Z',
    });
    const { container } = renderScreen(<WebhookSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal the secret' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make a new secret?' });
    expect(dialog.textContent).toMatch(/Update your receiver with the new secret/);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    expect(await screen.findByText('New secret made: update your receiver with it.')).toBeTruthy();
    expect(secret().textContent).toBe(SECOND_SECRET);
    expect(screen.getByTestId('webhook-rotated').textContent).toMatch(/Nov 28, 2026/);
    expect(screen.getByTestId('webhook-created').textContent).toMatch(/Nov 27, 2026/);
    expect(sent(stub, 'POST')).toEqual([`${PATH}/rotate-secret`]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('removes the webhook after asking, and leaves an empty form', async () => {
    const stub = await startApi({
      url: 'https://hooks.example.test/fieldstream',
      secret: FIRST_SECRET,
      createdAt: '2026-11-27T09:00:00.000Z',
      secretRotatedAt: '2026-11-27T09:00:00.000Z',
    });
    renderScreen(<WebhookSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the webhook?' });
    expect(dialog.textContent).toContain('stop being sent to https://hooks.example.test/fieldstream');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent(stub, 'DELETE')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove webhook' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove webhook' }),
    );
    expect(await screen.findByText('Webhook removed.')).toBeTruthy();
    expect(sent(stub, 'DELETE')).toEqual([PATH]);
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
    expect(urlBox().value).toBe('');
  });

  it('shows the server’s refusal of a URL on the field, and asks for one before sending nothing', async () => {
    const stub = await startApi(null, () => ({
      status: 400,
      body: {
        type: 'about:blank',
        status: 400,
        title: 'Invalid request',
        errors: [{ field: 'url', message: 'A webhook URL is https' }],
      },
    }));
    const { container } = renderScreen(<WebhookSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByText('Enter the URL to send your notifications to.')).toBeTruthy();
    expect(urlBox().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(urlBox());
    expect(sent(stub, 'PUT')).toEqual([]);

    fireEvent.change(urlBox(), { target: { value: 'http://hooks.example.test/fieldstream' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByText('A webhook URL is https')).toBeTruthy();
    expect(urlBox().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Webhook saved.')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('speaks Italian', async () => {
    await startApi({
      url: 'https://hooks.example.test/fieldstream',
      secret: FIRST_SECRET,
      createdAt: '2026-11-27T09:00:00.000Z',
      secretRotatedAt: '2026-11-27T09:00:00.000Z',
    });
    renderScreen(<WebhookSection />, { language: 'it' });
    expect(await screen.findByRole('button', { name: 'Mostra il segreto' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^URL del webhook/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rinnova segreto' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rimuovi webhook' })).toBeTruthy();
    expect(screen.getByTestId('webhook-created').textContent).toMatch(/27 nov 2026/);
  });
});
