import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { DeviceSeverity } from './device-signal.schema';

/** A code cleared less than this long ago and raised again is the same trouble coming back (flapping). */
export const FLAP_WINDOW_MS = 15 * 60_000;
/** A heartbeat is recorded at most this often: the log keeps that the device lives, not every beat. */
export const HEARTBEAT_RECORD_MS = 5 * 60_000;
/** The same state is recorded again at most this often; a change of state at once. */
export const STATUS_RECORD_MS = 5 * 60_000;

type Values = Record<string, number | string | boolean>;

export type DeviceEvent =
  | {
      type: 'DeviceAnomalyRaised';
      data: {
        assetCode: string;
        code: string;
        at: string;
        deviceAt?: string;
        message?: string;
        severity: DeviceSeverity;
        count: number;
        /** Raised again within the flap window after clearing: the same trouble, back. */
        recurrence: boolean;
      };
    }
  | {
      type: 'DeviceAnomalyRepeated';
      data: { assetCode: string; code: string; at: string; count: number; firstAt: string; lastAt: string };
    }
  | {
      type: 'DeviceAnomalyCleared';
      data: {
        assetCode: string;
        code: string;
        at: string;
        deviceAt?: string;
        message?: string;
        since: string;
      };
    }
  | {
      type: 'DeviceStatusReported';
      data: { assetCode: string; state: string; values: Values; at: string; deviceAt?: string };
    }
  | { type: 'DeviceHeartbeatRecorded'; data: { assetCode: string; at: string; firmware?: string } }
  | {
      type: 'DeviceWentSilent';
      data: { assetCode: string; at: string; lastSeenAt: string | null; expectedMinutes: number };
    }
  | { type: 'DeviceBackOnline'; data: { assetCode: string; at: string; silentSince: string } }
  | {
      type: 'DeviceRequestLinked';
      data: { assetCode: string; requestId: string; at: string; cause: 'anomaly' | 'silence' };
    };

export const DEVICE_EVENT_TYPES: readonly DeviceEvent['type'][] = [
  'DeviceAnomalyRaised',
  'DeviceAnomalyRepeated',
  'DeviceAnomalyCleared',
  'DeviceStatusReported',
  'DeviceHeartbeatRecorded',
  'DeviceWentSilent',
  'DeviceBackOnline',
  'DeviceRequestLinked',
];

/** `at` is when we received it (our clock, which orders everything); `deviceAt` the machine's own. */
export type DeviceCommand =
  | {
      type: 'raise';
      assetCode: string;
      code: string;
      at: string;
      deviceAt?: string;
      message?: string;
      severity: DeviceSeverity;
      /** Occurrences this command stands for (a burst counted before it was recorded). */
      count: number;
      /** The first and last occurrence the count covers; `at` when it is one. */
      firstAt?: string;
    }
  | { type: 'clear'; assetCode: string; code: string; at: string; deviceAt?: string; message?: string }
  | { type: 'reportStatus'; assetCode: string; state: string; values: Values; at: string; deviceAt?: string }
  | { type: 'heartbeat'; assetCode: string; at: string; firmware?: string }
  /** The watchdog: nothing heard for longer than the asset's heartbeat interval allows. */
  | { type: 'reportSilence'; assetCode: string; at: string; expectedMinutes: number }
  | { type: 'linkRequest'; assetCode: string; requestId: string; at: string; cause: 'anomaly' | 'silence' };

export type AnomalyEpisode = { since: string; lastAt: string; clearedAt?: string };

export type DeviceState = {
  anomalies: Record<string, AnomalyEpisode>;
  /** The last sign of life recorded (a heartbeat, a status, an anomaly, a clearing). */
  lastSeenAt?: string;
  lastHeartbeatAt?: string;
  silentSince?: string;
  status?: { state: string; values: Values; at: string };
  /** The request the device's trouble is followed on, while it is open. */
  requestId?: string;
};

/** One stream per asset: `device-<assetCode>`. */
export const deviceStreamName = (assetCode: string) => `device-${assetCode}`;
export const DEVICE_STREAM_PREFIX = 'device-';

const later = (a: string | undefined, b: string) => (a && a > b ? a : b);
const since = (from: string, to: string) => Date.parse(to) - Date.parse(from);

function seen(state: DeviceState, at: string): DeviceState {
  return { ...state, lastSeenAt: later(state.lastSeenAt, at) };
}

/**
 * What an asset's device has told us, kept to what matters: an anomaly is raised once per episode
 * (repeats are counted, not recorded one by one), cleared once, and a code back within the flap
 * window is the same trouble recurring; states are recorded when they change; heartbeats often
 * enough to know the device lives. Silence is the watchdog's to report; any signal ends it.
 */
export const deviceDecider: Decider<DeviceState, DeviceCommand, DeviceEvent> = {
  initialState: { anomalies: {} },
  evolve(state, event) {
    switch (event.type) {
      case 'DeviceAnomalyRaised': {
        const d = event.data;
        return seen(
          { ...state, anomalies: { ...state.anomalies, [d.code]: { since: d.at, lastAt: d.at } } },
          d.at,
        );
      }
      case 'DeviceAnomalyRepeated': {
        const episode = state.anomalies[event.data.code];
        if (!episode) return state;
        return seen(
          {
            ...state,
            anomalies: { ...state.anomalies, [event.data.code]: { ...episode, lastAt: event.data.lastAt } },
          },
          event.data.at,
        );
      }
      case 'DeviceAnomalyCleared': {
        const episode = state.anomalies[event.data.code];
        if (!episode) return state;
        return seen(
          {
            ...state,
            anomalies: { ...state.anomalies, [event.data.code]: { ...episode, clearedAt: event.data.at } },
          },
          event.data.at,
        );
      }
      case 'DeviceStatusReported':
        return seen(
          { ...state, status: { state: event.data.state, values: event.data.values, at: event.data.at } },
          event.data.at,
        );
      case 'DeviceHeartbeatRecorded':
        return seen({ ...state, lastHeartbeatAt: event.data.at }, event.data.at);
      case 'DeviceWentSilent':
        return { ...state, silentSince: event.data.at };
      case 'DeviceBackOnline': {
        const { silentSince: _ended, ...rest } = state;
        return seen(rest, event.data.at);
      }
      case 'DeviceRequestLinked':
        return { ...state, requestId: event.data.requestId };
    }
  },
  decide(command, state) {
    if (Number.isNaN(Date.parse(command.at)))
      throw new DomainError('invalid_time', 'at must be an ISO 8601 date-time', { field: 'at' });
    // Any signal but the watchdog's own ends a silence.
    const backOnline: DeviceEvent[] =
      state.silentSince && command.type !== 'reportSilence' && command.type !== 'linkRequest'
        ? [
            {
              type: 'DeviceBackOnline',
              data: { assetCode: command.assetCode, at: command.at, silentSince: state.silentSince },
            },
          ]
        : [];
    switch (command.type) {
      case 'raise': {
        const episode = state.anomalies[command.code];
        if (episode && !episode.clearedAt) {
          return [
            ...backOnline,
            {
              type: 'DeviceAnomalyRepeated',
              data: {
                assetCode: command.assetCode,
                code: command.code,
                at: command.at,
                count: command.count,
                firstAt: command.firstAt ?? command.at,
                lastAt: command.at,
              },
            },
          ];
        }
        const recurrence = !!episode?.clearedAt && since(episode.clearedAt, command.at) < FLAP_WINDOW_MS;
        return [
          ...backOnline,
          {
            type: 'DeviceAnomalyRaised',
            data: {
              assetCode: command.assetCode,
              code: command.code,
              at: command.at,
              ...(command.deviceAt && { deviceAt: command.deviceAt }),
              ...(command.message && { message: command.message }),
              severity: command.severity,
              count: command.count,
              recurrence,
            },
          },
        ];
      }
      case 'clear': {
        const episode = state.anomalies[command.code];
        // A clearing of what is not raised (a device repeating it, or booting) says nothing new.
        if (!episode || episode.clearedAt) return backOnline;
        return [
          ...backOnline,
          {
            type: 'DeviceAnomalyCleared',
            data: {
              assetCode: command.assetCode,
              code: command.code,
              at: command.at,
              ...(command.deviceAt && { deviceAt: command.deviceAt }),
              ...(command.message && { message: command.message }),
              since: episode.since,
            },
          },
        ];
      }
      case 'reportStatus': {
        const last = state.status;
        const changed = !last || last.state !== command.state;
        if (!changed && since(last.at, command.at) < STATUS_RECORD_MS) return backOnline;
        return [
          ...backOnline,
          {
            type: 'DeviceStatusReported',
            data: {
              assetCode: command.assetCode,
              state: command.state,
              values: command.values,
              at: command.at,
              ...(command.deviceAt && { deviceAt: command.deviceAt }),
            },
          },
        ];
      }
      case 'heartbeat': {
        const due =
          backOnline.length > 0 ||
          !state.lastHeartbeatAt ||
          since(state.lastHeartbeatAt, command.at) >= HEARTBEAT_RECORD_MS;
        if (!due) return [];
        return [
          ...backOnline,
          {
            type: 'DeviceHeartbeatRecorded',
            data: {
              assetCode: command.assetCode,
              at: command.at,
              ...(command.firmware && { firmware: command.firmware }),
            },
          },
        ];
      }
      case 'reportSilence': {
        if (state.silentSince) return [];
        // Heartbeats are recorded every few minutes at most: the last one may be that much old.
        const allowed = command.expectedMinutes * 60_000 + HEARTBEAT_RECORD_MS;
        if (state.lastSeenAt && since(state.lastSeenAt, command.at) <= allowed) return [];
        return [
          {
            type: 'DeviceWentSilent',
            data: {
              assetCode: command.assetCode,
              at: command.at,
              lastSeenAt: state.lastSeenAt ?? null,
              expectedMinutes: command.expectedMinutes,
            },
          },
        ];
      }
      case 'linkRequest':
        if (state.requestId === command.requestId) return [];
        return [
          {
            type: 'DeviceRequestLinked',
            data: {
              assetCode: command.assetCode,
              requestId: command.requestId,
              at: command.at,
              cause: command.cause,
            },
          },
        ];
    }
  },
};

/** How long the device has been silent for the watchdog: past this, `reportSilence` records it. */
export function silenceDueAt(state: DeviceState, expectedMinutes: number): number | undefined {
  if (state.silentSince || !state.lastSeenAt) return undefined;
  return Date.parse(state.lastSeenAt) + expectedMinutes * 60_000 + HEARTBEAT_RECORD_MS + 1;
}
