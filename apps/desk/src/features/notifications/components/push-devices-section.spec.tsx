import type { PushDevices, PushDeviceView } from '@fieldstream/api-contract';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axeViolations } from '../../../testing/axe-violations';
import { renderScreen } from '../../../testing/render-screen';
import { sendJson, type HttpStub } from '../../../testing/start-http-stub';
import { stubApiEachTest } from '../../../testing/stub-api-each-test';
import { testSession } from '../../auth/testing/test-session';
import { applicationServerKeyOf } from '../push/application-server-key';
import { rememberedPushDevice } from '../push/remembered-push-device';
import { installFakePushBrowser, type FakePushBrowser } from '../testing/fake-push-browser';
import { PushDevicesSection } from './push-devices-section';

// jsdom lays out Mantine slowly: the first render of a test may take a second or two.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
const server = stubApiEachTest();

const SESSION = testSession('disp.mi');
const PUBLIC_KEY = `B${'Q'.repeat(86)}`;
const HERE = 'https://fcm.googleapis.com/fcm/send/this-browser';
const PHONE: PushDeviceView = {
  deviceId: 'd-phone',
  label: 'Chrome on Android',
  pushService: 'fcm.googleapis.com',
  registeredAt: '2026-11-20T08:30:00.000Z',
};
const PATH = '/api/me/push-devices';

/** The user's devices, kept as the API keeps them: a POST adds one, a DELETE removes it. */
async function startApi(devices: PushDeviceView[] = [PHONE]): Promise<HttpStub> {
  let stored = [...devices];
  return server.serve((request, response) => {
    if (request.url === PATH && request.method === 'GET') {
      const answer: PushDevices = { publicKey: PUBLIC_KEY, devices: stored, maxDevices: 10 };
      return sendJson(response, 200, answer);
    }
    if (request.url === PATH && request.method === 'POST') {
      const body = JSON.parse(request.body) as { label: string };
      const device = {
        deviceId: 'd-here',
        label: body.label,
        pushService: 'fcm.googleapis.com',
        registeredAt: '2026-11-27T09:15:00.000Z',
      };
      stored = [...stored, device];
      return sendJson(response, 201, device);
    }
    const id = request.url.startsWith(`${PATH}/`)
      ? decodeURIComponent(request.url.slice(PATH.length + 1))
      : '';
    if (id && request.method === 'DELETE') {
      stored = stored.filter((device) => device.deviceId !== id);
      response.writeHead(204).end();
      return;
    }
    return sendJson(response, 404, { status: 404, title: 'Not Found' }, 'application/problem+json');
  });
}

let browser: FakePushBrowser | undefined;
afterEach(() => {
  browser?.restore();
  browser = undefined;
});

const render = (language = 'en') => renderScreen(<PushDevicesSection />, { session: SESSION, language });
const devicesTable = () => screen.getByTestId('push-devices');
const requests = (stub: HttpStub, method: string) => stub.requests.filter((r) => r.method === method);

describe('push notifications on this device', () => {
  it('says when this browser cannot receive push, and still lists the other devices', async () => {
    // jsdom, like a browser without service workers, has neither PushManager nor Notification.
    await startApi();
    const { container } = render();
    expect(await screen.findByText('This browser cannot receive push notifications')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable on this device' })).toBeNull();
    const row = within(devicesTable()).getByRole('row', { name: /Chrome on Android/ });
    expect(within(row).getByText('fcm.googleapis.com')).toBeTruthy();
    expect(within(row).getByText(/Nov 20, 2026/)).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Remove Chrome on Android' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('turns push on: asks permission, subscribes with the server’s key, registers this browser by name', async () => {
    const stub = await startApi();
    browser = installFakePushBrowser();
    const { container } = render();
    expect(await screen.findByText('Push notifications are off on this device.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enable on this device' }));
    expect(await screen.findByText('Push notifications are on: this device receives them.')).toBeTruthy();
    expect(browser.subscribeCalls).toEqual([
      { userVisibleOnly: true, applicationServerKey: applicationServerKeyOf(PUBLIC_KEY) },
    ]);
    expect(requests(stub, 'POST').map((r) => JSON.parse(r.body) as unknown)).toEqual([
      {
        endpoint: HERE,
        expirationTime: null,
        keys: { p256dh: expect.any(String), auth: expect.any(String) },
        label: 'Chrome on Linux',
      },
    ]);
    const row = await within(devicesTable()).findByRole('row', { name: /Chrome on Linux/ });
    expect(within(row).getByText('This device')).toBeTruthy();
    expect(within(devicesTable()).getByRole('row', { name: /Chrome on Android/ }).textContent).not.toMatch(
      /This device/,
    );
    expect(screen.getByRole('button', { name: 'Turn off on this device' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('turns push off here: removes the device and ends the browser’s subscription', async () => {
    const here = { ...PHONE, deviceId: 'd-here', label: 'Chrome on Linux' };
    const stub = await startApi([PHONE, here]);
    browser = installFakePushBrowser({ permission: 'granted', subscribed: HERE });
    rememberedPushDevice.write(SESSION.user.id, { endpoint: HERE, deviceId: 'd-here' });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off on this device' }));
    expect(await screen.findByText('Push notifications are off on this device.')).toBeTruthy();
    expect(requests(stub, 'DELETE').map((r) => r.url)).toEqual([`${PATH}/d-here`]);
    expect(browser.subscription()).toBeNull();
    expect(rememberedPushDevice.read(SESSION.user.id)).toBeNull();
    await waitFor(() =>
      expect(within(devicesTable()).queryByRole('row', { name: /Chrome on Linux/ })).toBeNull(),
    );
  });

  it('shows the push service’s refusal inline and changes nothing else', async () => {
    const stub = await startApi();
    browser = installFakePushBrowser({
      outcome: { error: { name: 'AbortError', message: 'Registration failed - push service not available' } },
    });
    const { container } = render();
    fireEvent.click(await screen.findByRole('button', { name: 'Enable on this device' }));
    const alert = await screen.findByTestId('push-error');
    expect(within(alert).getByText('Push notifications could not be turned on')).toBeTruthy();
    expect(alert.textContent).toContain('AbortError: Registration failed - push service not available');
    expect(requests(stub, 'POST')).toEqual([]);
    expect(screen.getByText('Push notifications are off on this device.')).toBeTruthy();
    expect(within(devicesTable()).getAllByRole('row')).toHaveLength(2);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says how to unblock when notifications are blocked, before or at the prompt', async () => {
    await startApi();
    browser = installFakePushBrowser({ permission: 'denied' });
    const first = render();
    expect(await screen.findByText('Notifications are blocked for this site')).toBeTruthy();
    expect(screen.getByTestId('push-blocked').textContent).toMatch(/set Notifications to Allow/);
    expect(screen.queryByRole('button', { name: 'Enable on this device' })).toBeNull();
    expect(await axeViolations(first.container)).toEqual([]);
    first.unmount();
    browser.restore();

    browser = installFakePushBrowser({ answer: 'denied' });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Enable on this device' }));
    expect(await screen.findByText('Notifications are blocked for this site')).toBeTruthy();
    expect(browser.subscribeCalls).toEqual([]);
    expect(screen.queryByTestId('push-error')).toBeNull();
  });

  it('removes another device after asking', async () => {
    const stub = await startApi();
    browser = installFakePushBrowser();
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Chrome on Android' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this device?' });
    expect(dialog.textContent).toContain('Chrome on Android stops receiving your push notifications.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Device removed.')).toBeTruthy();
    expect(await screen.findByText('No device receives your push notifications yet.')).toBeTruthy();
    expect(requests(stub, 'DELETE').map((r) => r.url)).toEqual([`${PATH}/d-phone`]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('speaks Italian', async () => {
    await startApi();
    browser = installFakePushBrowser();
    render('it');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Notifiche push su questo dispositivo' }),
    ).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Attiva su questo dispositivo' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rimuovi Chrome on Android' })).toBeTruthy();
    expect(screen.getByText(/20 nov 2026/)).toBeTruthy();
  });
});
