import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import {
  type DeviceCommand,
  type DeviceEvent,
  FLAP_WINDOW_MS,
  HEARTBEAT_RECORD_MS,
  deviceDecider,
  deviceStreamName,
  silenceDueAt,
} from './device.decider';

const spec = deciderSpecification(deviceDecider);
const ASSET = 'SN-100';
const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const MIN = 60_000;

const raise = (
  code: string,
  ms = 0,
  extra: Partial<Extract<DeviceCommand, { type: 'raise' }>> = {},
): DeviceCommand => ({
  type: 'raise',
  assetCode: ASSET,
  code,
  at: at(ms),
  severity: 'warning',
  count: 1,
  ...extra,
});
const raised = (code: string, ms = 0, recurrence = false): DeviceEvent => ({
  type: 'DeviceAnomalyRaised',
  data: { assetCode: ASSET, code, at: at(ms), severity: 'warning', count: 1, recurrence },
});
const cleared = (code: string, ms: number, sinceMs = 0): DeviceEvent => ({
  type: 'DeviceAnomalyCleared',
  data: { assetCode: ASSET, code, at: at(ms), since: at(sinceMs) },
});
const heartbeatAt = (ms: number): DeviceEvent => ({
  type: 'DeviceHeartbeatRecorded',
  data: { assetCode: ASSET, at: at(ms) },
});

describe('device signals: anomalies', () => {
  it('keeps one stream per asset', () => {
    expect(deviceStreamName(ASSET)).toBe('device-SN-100');
  });

  it('raises a code once per episode and counts its repeats', () => {
    spec
      .given([])
      .when(raise('E-104'))
      .then([raised('E-104')]);
    spec
      .given([raised('E-104')])
      .when(raise('E-104', 30_000, { count: 9_999, firstAt: at(1_000) }))
      .then([
        {
          type: 'DeviceAnomalyRepeated',
          data: {
            assetCode: ASSET,
            code: 'E-104',
            at: at(30_000),
            count: 9_999,
            firstAt: at(1_000),
            lastAt: at(30_000),
          },
        },
      ]);
  });

  it('clears an active code once, and takes a clearing of nothing calmly', () => {
    spec
      .given([raised('E-104')])
      .when({ type: 'clear', assetCode: ASSET, code: 'E-104', at: at(10 * MIN) })
      .then([cleared('E-104', 10 * MIN)]);
    spec
      .given([raised('E-104'), cleared('E-104', 10 * MIN)])
      .when({ type: 'clear', assetCode: ASSET, code: 'E-104', at: at(11 * MIN) })
      .thenNothingHappens();
    spec
      .given([])
      .when({ type: 'clear', assetCode: ASSET, code: 'E-104', at: at(0) })
      .thenNothingHappens();
  });

  it('calls a code back within the flap window a recurrence, and a later one a new episode', () => {
    const history = [raised('E-104'), cleared('E-104', 10 * MIN)];
    spec
      .given(history)
      .when(raise('E-104', 10 * MIN + FLAP_WINDOW_MS - 1))
      .then([raised('E-104', 10 * MIN + FLAP_WINDOW_MS - 1, true)]);
    spec
      .given(history)
      .when(raise('E-104', 10 * MIN + FLAP_WINDOW_MS))
      .then([raised('E-104', 10 * MIN + FLAP_WINDOW_MS, false)]);
  });

  it('refuses a time that is not one', () => {
    spec
      .given([])
      .when(raise('E-104', 0, { at: 'yesterday' }))
      .thenThrows(DomainError, (error) => error.code === 'invalid_time');
  });
});

describe('device signals: status and heartbeats', () => {
  const status = (state: string, ms: number): DeviceCommand => ({
    type: 'reportStatus',
    assetCode: ASSET,
    state,
    values: { temperature: 71 },
    at: at(ms),
  });
  const reported = (state: string, ms: number): DeviceEvent => ({
    type: 'DeviceStatusReported',
    data: { assetCode: ASSET, state, values: { temperature: 71 }, at: at(ms) },
  });

  it('records a change of state at once, the same state every few minutes', () => {
    spec
      .given([reported('running', 0)])
      .when(status('fault', 1_000))
      .then([reported('fault', 1_000)]);
    spec
      .given([reported('running', 0)])
      .when(status('running', 60_000))
      .thenNothingHappens();
    spec
      .given([reported('running', 0)])
      .when(status('running', 5 * MIN))
      .then([reported('running', 5 * MIN)]);
  });

  it('records a heartbeat every few minutes at most', () => {
    const beat = (ms: number): DeviceCommand => ({ type: 'heartbeat', assetCode: ASSET, at: at(ms) });
    spec
      .given([])
      .when(beat(0))
      .then([heartbeatAt(0)]);
    spec
      .given([heartbeatAt(0)])
      .when(beat(HEARTBEAT_RECORD_MS - 1))
      .thenNothingHappens();
    spec
      .given([heartbeatAt(0)])
      .when(beat(HEARTBEAT_RECORD_MS))
      .then([heartbeatAt(HEARTBEAT_RECORD_MS)]);
  });
});

describe('device signals: silence', () => {
  const silence = (ms: number): DeviceCommand => ({
    type: 'reportSilence',
    assetCode: ASSET,
    at: at(ms),
    expectedMinutes: 10,
  });
  const silent: DeviceEvent = {
    type: 'DeviceWentSilent',
    data: { assetCode: ASSET, at: at(16 * MIN), lastSeenAt: at(0), expectedMinutes: 10 },
  };

  it('is recorded once the heartbeat interval and the recording slack have passed', () => {
    spec
      .given([heartbeatAt(0)])
      .when(silence(15 * MIN))
      .thenNothingHappens();
    spec
      .given([heartbeatAt(0)])
      .when(silence(16 * MIN))
      .then([silent]);
    spec
      .given([heartbeatAt(0), silent])
      .when(silence(30 * MIN))
      .thenNothingHappens();
    expect(silenceDueAt(foldEvents(deviceDecider, [heartbeatAt(0)]), 10)).toBe(T0 + 15 * MIN + 1);
  });

  it('ends with any signal, which says the device is back', () => {
    spec
      .given([heartbeatAt(0), silent])
      .when({ type: 'heartbeat', assetCode: ASSET, at: at(40 * MIN) })
      .then([
        { type: 'DeviceBackOnline', data: { assetCode: ASSET, at: at(40 * MIN), silentSince: at(16 * MIN) } },
        heartbeatAt(40 * MIN),
      ]);
    spec
      .given([heartbeatAt(0), silent])
      .when(raise('E-104', 41 * MIN))
      .then([
        { type: 'DeviceBackOnline', data: { assetCode: ASSET, at: at(41 * MIN), silentSince: at(16 * MIN) } },
        raised('E-104', 41 * MIN),
      ]);
  });
});

describe('device signals: the request followed', () => {
  it('links a request once', () => {
    const link: DeviceCommand = {
      type: 'linkRequest',
      assetCode: ASSET,
      requestId: 'r-1',
      at: at(0),
      cause: 'anomaly',
    };
    spec
      .given([])
      .when(link)
      .then([
        {
          type: 'DeviceRequestLinked',
          data: { assetCode: ASSET, requestId: 'r-1', at: at(0), cause: 'anomaly' },
        },
      ]);
    spec
      .given([
        {
          type: 'DeviceRequestLinked',
          data: { assetCode: ASSET, requestId: 'r-1', at: at(0), cause: 'anomaly' },
        },
      ])
      .when(link)
      .thenNothingHappens();
  });
});
