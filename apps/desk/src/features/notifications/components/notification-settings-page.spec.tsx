import { NOTIFICATION_TOPIC_NAMES, type NotificationSettings } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { sendAnswer, sendJson, type HttpStub, type RecordedRequest } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { renderNotifications } from '../testing/render-notifications';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const STORED: NotificationSettings = {
  email: 'mario.rossi@example.test',
  phone: '+393471234567',
  channels: { email: true, sms: false, push: true },
  quietHours: { from: '22:00', to: '07:00' },
  timeZone: 'Europe/Rome',
  mutedTopics: ['reschedule'],
};

const PATH = '/api/me/notification-settings';

/** The user's settings; `onPut` answers a save (by default it stores what was sent, as the API does). */
async function startApi(
  onPut: (request: RecordedRequest) => { status: number; body: unknown } = (request) => ({
    status: 200,
    body: JSON.parse(request.body) as unknown,
  }),
): Promise<HttpStub> {
  let stored: unknown = STORED;
  return server.serve((request, response) => {
    if (request.url === PATH && request.method === 'GET') return sendJson(response, 200, stored);
    // The page's other sections (their own specs test them): no device, no webhook.
    if (request.url === '/api/me/push-devices')
      return sendJson(response, 200, { publicKey: 'BQ', devices: [], maxDevices: 10 });
    if (request.url === '/api/me/notification-webhook') return sendJson(response, 200, { webhook: null });
    if (request.url === PATH && request.method === 'PUT') {
      const { status, body } = onPut(request);
      if (status < 300) stored = body;
      return sendAnswer(response, status, body);
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const toggle = (name: string) => screen.getByRole('switch', { name }) as HTMLInputElement;
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const timeInput = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
const puts = (stub: HttpStub) =>
  stub.requests.filter((r) => r.method === 'PUT').map((r) => JSON.parse(r.body) as unknown);

describe('my notification settings', () => {
  it('shows the stored contact, channels, quiet hours, zone and topics kept to the inbox', async () => {
    await startApi();
    const { container } = renderNotifications({ path: '/app/settings/notifications' });
    expect(await screen.findByRole('heading', { level: 1, name: 'My notification settings' })).toBeTruthy();
    await screen.findByRole('button', { name: 'Save' });
    expect(textbox('E-mail').value).toBe('mario.rossi@example.test');
    expect(textbox(/^Mobile phone/).value).toBe('+393471234567');
    expect([toggle('E-mail').checked, toggle('SMS').checked, toggle('Push notifications').checked]).toEqual([
      true,
      false,
      true,
    ]);
    expect(toggle('Hold messages back during quiet hours').checked).toBe(true);
    expect(timeInput(/^From/).value).toBe('22:00');
    expect(timeInput(/^To/).value).toBe('07:00');
    const zone = screen.getByRole('combobox', { name: /^Time zone/ }) as HTMLInputElement;
    expect(zone.value).toBe('Europe/Rome');
    expect(checkbox('Reschedules').checked).toBe(true);
    expect(checkbox('Escalations').checked).toBe(false);
    expect(screen.getAllByRole('checkbox')).toHaveLength(NOTIFICATION_TOPIC_NAMES.length);
    expect(screen.queryByText(/^topics\./)).toBeNull();
    // Push and the webhook act at once, outside the form and its Save.
    expect(screen.getByRole('region', { name: 'Push notifications on this device' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Webhook' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: /^Webhook URL/ })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('saves the settings whole, and shows them as the API stored them', async () => {
    const stub = await startApi((request) => ({
      status: 200,
      // The API drops the spaces of a phone number.
      body: { ...(JSON.parse(request.body) as NotificationSettings), phone: '+393339876543' },
    }));
    renderNotifications({ path: '/app/settings/notifications' });
    await screen.findByRole('button', { name: 'Save' });
    fireEvent.change(textbox('E-mail'), { target: { value: 'm.rossi@example.test' } });
    fireEvent.change(textbox(/^Mobile phone/), { target: { value: '+39 333 987 6543' } });
    fireEvent.click(toggle('SMS'));
    fireEvent.change(timeInput(/^From/), { target: { value: '21:30' } });
    fireEvent.click(checkbox('Reschedules'));
    fireEvent.click(checkbox('Assignments'));
    fireEvent.click(screen.getByRole('combobox', { name: /^Time zone/ }));
    fireEvent.change(screen.getByRole('combobox', { name: /^Time zone/ }), { target: { value: 'New_York' } });
    fireEvent.click(await screen.findByRole('option', { name: 'America/New_York' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(puts(stub)).toEqual([
      {
        email: 'm.rossi@example.test',
        phone: '+39 333 987 6543',
        channels: { email: true, sms: true, push: true },
        quietHours: { from: '21:30', to: '07:00' },
        timeZone: 'America/New_York',
        mutedTopics: ['assignment'],
      },
    ]);
    expect(textbox(/^Mobile phone/).value).toBe('+393339876543');
  });

  it('shows the API’s field problems on the fields they name', async () => {
    const stub = await startApi(() => ({
      status: 400,
      body: {
        type: 'about:blank',
        status: 400,
        title: 'Invalid request',
        errors: [
          { field: 'email', message: 'Invalid email address' },
          { field: 'phone', message: 'Not a phone number in international form' },
          { field: 'quietHours.to', message: 'Quiet hours start and end at different times' },
          { field: 'timeZone', message: 'Unknown time zone' },
        ],
      },
    }));
    const { container } = renderNotifications({ path: '/app/settings/notifications' });
    await screen.findByRole('button', { name: 'Save' });
    fireEvent.change(textbox('E-mail'), { target: { value: 'not-an-address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByTestId('settings-invalid');
    expect(within(alert).getByText('Some settings need attention')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(textbox('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Invalid email address')).toBeTruthy();
    expect(textbox(/^Mobile phone/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not a phone number in international form')).toBeTruthy();
    expect(timeInput(/^To/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Quiet hours start and end at different times')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Time zone/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Unknown time zone')).toBeTruthy();
    expect(timeInput(/^From/).getAttribute('aria-invalid')).not.toBe('true');
    expect(puts(stub)).toHaveLength(1);
    expect(screen.queryByText('Settings saved.')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('asks for both ends of the quiet hours before sending, and sends none when they are off', async () => {
    const stub = await startApi();
    renderNotifications({ path: '/app/settings/notifications' });
    await screen.findByRole('button', { name: 'Save' });
    fireEvent.change(timeInput(/^From/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Say when the quiet hours start.')).toBeTruthy();
    expect(timeInput(/^From/).getAttribute('aria-invalid')).toBe('true');
    expect(puts(stub)).toEqual([]);

    fireEvent.click(toggle('Hold messages back during quiet hours'));
    expect(screen.queryByLabelText(/^From/, { selector: 'input' })).toBeNull();
    fireEvent.change(textbox(/^Mobile phone/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings saved.');
    expect(puts(stub)).toEqual([{ ...STORED, phone: null, quietHours: null }]);
  });

  it('speaks Italian', async () => {
    await startApi();
    renderNotifications({ path: '/app/settings/notifications', language: 'it' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Le mie impostazioni delle notifiche' }),
    ).toBeTruthy();
    await screen.findByRole('button', { name: 'Salva' });
    expect(toggle('Trattieni i messaggi nelle ore di silenzio').checked).toBe(true);
    expect(checkbox('Ripianificazioni').checked).toBe(true);
    expect(screen.getByRole('group', { name: /^Solo nella posta in arrivo/ })).toBeTruthy();
  });
});
