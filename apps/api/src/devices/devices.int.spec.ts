import { deviceDiagnosisSchema, signalAnswerSchema } from '@fieldstream/api-contract';
import { waitFor } from '@fieldstream/testing';
import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';
import { USERS, createOrganisation } from '../testing/organisation-fixture';

jest.setTimeout(60_000);

/*
 * Devices over HTTP on the real API and stores: a device's API key speaks for its own assets
 * only, through the same rules as MQTT (repeats counted, statuses recorded when they change), bad
 * signals are refused naming the field and change nothing; people read an asset's device as far
 * as they may read the asset.
 */
describe('device signals over HTTP', () => {
  let api: TestApi;
  let admin: string;
  let tokens: Record<keyof typeof USERS, string>;
  let deviceKey: string;

  beforeAll(async () => {
    api = await startTestApi({ DEVICE_REPEAT_WINDOW_MS: '300' });
    admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    tokens = await createOrganisation(api, admin);
    const key = await api.call('POST', '/api/api-keys', admin, {
      name: 'Boiler gateway',
      role: 'device',
      assetCodes: ['SN-ACME-1'],
    });
    deviceKey = (await key.json()).apiKey;
  }, 90_000);
  afterAll(() => api?.stop());

  const signal = (body: unknown, asset = 'SN-ACME-1', token = deviceKey) =>
    api.call('POST', `/api/assets/${asset}/signals`, token, body);

  it('records an anomaly, counts its repeats, and says which', async () => {
    const first = await signal({
      kind: 'anomaly',
      code: 'E104',
      severity: 'critical',
      message: 'Burner lockout',
    });
    expect(first.status).toBe(200);
    expect(signalAnswerSchema.parse(await first.json())).toEqual({
      assetCode: 'SN-ACME-1',
      kind: 'anomaly',
      outcome: 'recorded',
      events: ['DeviceAnomalyRaised'],
    });
    for (let i = 0; i < 5; i++) {
      const again = signalAnswerSchema.parse(await (await signal({ kind: 'anomaly', code: 'E104' })).json());
      expect(again.outcome).toBe('counted');
    }
    await signal({ kind: 'status', state: 'fault', values: { flowTemperature: 92.5, pumpOn: false } });
    await signal({ kind: 'heartbeat', firmware: '2.4.1' });

    // The diagnosis, once the projection shows the five repeats recorded together.
    const diagnosis = await waitFor(
      async () => {
        const answer = deviceDiagnosisSchema.parse(
          await (await api.call('GET', '/api/assets/SN-ACME-1/device', tokens.dispatcherMi)).json(),
        );
        return answer.activeAnomalies[0]?.repeats === 5 && answer;
      },
      { description: 'the repeats in the diagnosis' },
    );
    expect(diagnosis).toMatchObject({
      connected: true,
      presence: 'online',
      firmware: '2.4.1',
      status: { state: 'fault', values: { flowTemperature: 92.5, pumpOn: false } },
      activeAnomalies: [{ code: 'E104', severity: 'critical', message: 'Burner lockout', repeats: 5 }],
    });
    expect(diagnosis.recent.map((entry) => entry.type)).toEqual([
      'DeviceAnomalyRepeated',
      'DeviceStatusReported',
      'DeviceAnomalyRaised',
    ]);
  });

  it('lets a device speak for its own assets only, and people not at all', async () => {
    expect((await signal({ kind: 'heartbeat' }, 'SN-BETA-1')).status).toBe(403);
    expect((await signal({ kind: 'heartbeat' }, 'SN-ACME-1', tokens.technicianMi)).status).toBe(403);
    expect(
      (await api.call('POST', '/api/assets/SN-ACME-1/signals', undefined, { kind: 'heartbeat' })).status,
    ).toBe(401);
  });

  it('refuses a bad signal naming the field, and records nothing', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'anomaly' }, 'code'],
      [{ kind: 'anomaly', code: 'has spaces' }, 'code'],
      [{ kind: 'meter', meter: 'hours', value: -1 }, 'value'],
      [{ kind: 'status', state: 'running', at: 'yesterday' }, 'at'],
      [{ kind: 'reboot' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const answer = await signal(body);
      expect(answer.status).toBe(400);
      expect(((await answer.json()).errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    // A meter going back is a domain refusal, not a bad body.
    expect((await signal({ kind: 'meter', meter: 'hours', value: 500 })).status).toBe(200);
    expect((await signal({ kind: 'meter', meter: 'hours', value: 400 })).status).toBe(409);
  });

  it('shows an asset’s device to those who may read the asset, and to nobody else', async () => {
    expect((await api.call('GET', '/api/assets/SN-ACME-1/device', tokens.customerAcme)).status).toBe(200);
    expect((await api.call('GET', '/api/assets/SN-ACME-1/device', tokens.customerBeta)).status).toBe(404);
    const never = deviceDiagnosisSchema.parse(
      await (await api.call('GET', '/api/assets/SN-BETA-1/device', admin)).json(),
    );
    expect(never).toMatchObject({ connected: false, presence: 'unknown', recent: [] });
  });

  it('publishes the signal schema', async () => {
    const answer = await api.call('GET', '/api/devices/signal-schema.json');
    expect(answer.status).toBe(200);
    const schema = await answer.json();
    expect(JSON.stringify(schema)).toContain('"heartbeat"');
    expect(schema.title).toBe('Fieldstream device signal (v1)');
  });
});
