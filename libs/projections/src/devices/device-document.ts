import type { DeviceEvent } from '@fieldstream/domain';
import type { ReadDocument } from '@fieldstream/read-store';

export const DEVICES_COLLECTION = 'devices';
/** The signals kept on each device's document for the remote diagnosis: the newest first. */
export const RECENT_SIGNALS = 50;

export type DeviceSignalEntry = {
  type: DeviceEvent['type'];
  at: string;
  code?: string;
  count?: number;
  message?: string;
  severity?: string;
  state?: string;
  values?: Record<string, number | string | boolean>;
  requestId?: string;
};

/** One asset's device as the request's detail and the asset's page show it (`_id`: the asset code). */
export type DeviceDocument = ReadDocument & {
  assetCode: string;
  status: { state: string; values: Record<string, number | string | boolean>; at: string } | null;
  lastSeenAt: string | null;
  lastHeartbeatAt: string | null;
  firmware: string | null;
  silentSince: string | null;
  /** Codes raised and not cleared, with how often they repeated. */
  activeAnomalies: {
    code: string;
    since: string;
    lastAt: string;
    repeats: number;
    severity: string;
    message?: string;
  }[];
  requestId: string | null;
  recent: DeviceSignalEntry[];
  lastPosition: number;
};

export function emptyDeviceDocument(assetCode: string): DeviceDocument {
  return {
    _id: assetCode,
    assetCode,
    status: null,
    lastSeenAt: null,
    lastHeartbeatAt: null,
    firmware: null,
    silentSince: null,
    activeAnomalies: [],
    requestId: null,
    recent: [],
    lastPosition: 0,
  };
}

const later = (a: string | null, b: string) => (a && a > b ? a : b);

/** The document after one device event (pure: the projection applies it once per position). */
export function evolveDeviceDocument(
  document: DeviceDocument,
  event: DeviceEvent,
  position: number,
): DeviceDocument {
  const next: DeviceDocument = { ...document, lastPosition: position };
  const entry: DeviceSignalEntry = { type: event.type, at: event.data.at };
  switch (event.type) {
    case 'DeviceAnomalyRaised': {
      const { code, message, severity, at } = event.data;
      next.activeAnomalies = [
        ...document.activeAnomalies.filter((a) => a.code !== code),
        { code, since: at, lastAt: at, repeats: event.data.count - 1, severity, ...(message && { message }) },
      ];
      Object.assign(entry, { code, severity, count: event.data.count, ...(message && { message }) });
      next.lastSeenAt = later(document.lastSeenAt, at);
      break;
    }
    case 'DeviceAnomalyRepeated': {
      const { code, count, lastAt } = event.data;
      next.activeAnomalies = document.activeAnomalies.map((a) =>
        a.code === code ? { ...a, lastAt, repeats: a.repeats + count } : a,
      );
      Object.assign(entry, { code, count });
      next.lastSeenAt = later(document.lastSeenAt, event.data.at);
      break;
    }
    case 'DeviceAnomalyCleared':
      next.activeAnomalies = document.activeAnomalies.filter((a) => a.code !== event.data.code);
      Object.assign(entry, {
        code: event.data.code,
        ...(event.data.message && { message: event.data.message }),
      });
      next.lastSeenAt = later(document.lastSeenAt, event.data.at);
      break;
    case 'DeviceStatusReported':
      next.status = { state: event.data.state, values: event.data.values, at: event.data.at };
      Object.assign(entry, { state: event.data.state, values: event.data.values });
      next.lastSeenAt = later(document.lastSeenAt, event.data.at);
      break;
    case 'DeviceHeartbeatRecorded':
      next.lastHeartbeatAt = event.data.at;
      next.lastSeenAt = later(document.lastSeenAt, event.data.at);
      if (event.data.firmware) next.firmware = event.data.firmware;
      // Heartbeats say the device lives; the list keeps what happened.
      return next;
    case 'DeviceWentSilent':
      next.silentSince = event.data.at;
      break;
    case 'DeviceBackOnline':
      next.silentSince = null;
      next.lastSeenAt = later(document.lastSeenAt, event.data.at);
      break;
    case 'DeviceRequestLinked':
      next.requestId = event.data.requestId;
      entry.requestId = event.data.requestId;
      break;
  }
  next.recent = [entry, ...document.recent].slice(0, RECENT_SIGNALS);
  return next;
}
