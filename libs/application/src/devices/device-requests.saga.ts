import {
  type Condition,
  type DeviceEvent,
  type DeviceSeverity,
  type DeviceSignalOnRequest,
  type Principal,
  type ServiceRequestPriority,
  deviceDecider,
  deviceStreamName,
  serviceRequestDecider,
  serviceRequestStreamName,
} from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { type CommandContext, systemContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import type { ServiceRequestCommands } from '../service-requests/commands/service-request-commands.service';

/** The code a device's silence is known by in the catalogue (a condition with this `deviceCode`). */
export const SILENCE_DEVICE_CODE = 'heartbeat-missing';

/** States in which a request still follows its device's trouble; after them a new one opens. */
const FINISHED = new Set(['closed', 'cancelled', 'rejected', 'resolved-remotely']);

const PRIORITY_OF: Record<DeviceSeverity, ServiceRequestPriority> = {
  critical: 'high',
  warning: 'normal',
  info: 'low',
};

const SYSTEM: Principal = { id: 'devices', displayName: 'Device monitoring', kind: 'user', role: 'admin' };

type AssetRecord = { code: string; customerCode: string; siteCode: string; modelCode: string; name?: string };

export interface DeviceRequestsOptions {
  events: EventStore;
  reads: ReadStore;
  commands: ServiceRequestCommands;
}

/**
 * The saga between machines and requests: follows the devices' streams and only issues commands.
 * An anomaly whose code the catalogue knows opens a request for the asset (source "device") — or,
 * while the asset already has one open from its device, is added to it, so a storm, a flapping
 * code or several related codes make one request. Repeats, clearings, silence and return are
 * written on the request followed; a clearing after closing confirms the fix. Each command's ids
 * derive from the device event: following an event twice changes nothing.
 */
export class DeviceRequests {
  constructor(private readonly options: DeviceRequestsOptions) {}

  async handle(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as unknown as DeviceEvent;
    const assetCode = event.data.assetCode;
    switch (event.type) {
      case 'DeviceAnomalyRaised': {
        const { code, message, severity, at } = event.data;
        await this.trouble(recorded, assetCode, code, {
          severity,
          cause: 'anomaly',
          ...(message && { message }),
          signal: { assetCode, kind: 'raised', code, ...(message && { message }) },
          at,
        });
        return;
      }
      case 'DeviceWentSilent': {
        const { at, lastSeenAt, expectedMinutes } = event.data;
        const message = lastSeenAt
          ? `No sign of life since ${lastSeenAt} (expected every ${expectedMinutes} min)`
          : `No sign of life (expected every ${expectedMinutes} min)`;
        await this.trouble(recorded, assetCode, SILENCE_DEVICE_CODE, {
          severity: 'warning',
          cause: 'silence',
          message,
          signal: { assetCode, kind: 'went-silent', ...(lastSeenAt && { since: lastSeenAt }) },
          at,
          // Silence is always worth a visit, known to the catalogue or not.
          openUnmapped: true,
        });
        return;
      }
      case 'DeviceAnomalyRepeated':
        await this.note(
          recorded,
          assetCode,
          { assetCode, kind: 'repeated', code: event.data.code, count: event.data.count },
          true,
        );
        return;
      case 'DeviceAnomalyCleared': {
        const { code, message, since } = event.data;
        await this.note(
          recorded,
          assetCode,
          { assetCode, kind: 'cleared', code, since, ...(message && { message }) },
          false,
        );
        return;
      }
      case 'DeviceBackOnline':
        await this.note(
          recorded,
          assetCode,
          { assetCode, kind: 'back-online', since: event.data.silentSince },
          true,
        );
        return;
      default:
        return;
    }
  }

  /** An anomaly or a silence: added to the asset's open device request, or a new one opened. */
  private async trouble(
    recorded: RecordedEvent,
    assetCode: string,
    deviceCode: string,
    what: {
      severity: DeviceSeverity;
      cause: 'anomaly' | 'silence';
      message?: string;
      signal: DeviceSignalOnRequest;
      at: string;
      openUnmapped?: boolean;
    },
  ): Promise<void> {
    const asset = await this.asset(assetCode);
    if (!asset) return;
    const condition = await this.conditionFor(asset, deviceCode);
    const open = await this.openRequestOf(assetCode);
    const context = this.context(recorded);
    if (open) {
      if (condition) {
        await this.options.commands.execute(
          { ...context, idempotencyKey: `device-condition-${recorded.id}` },
          open,
          { type: 'attachCondition', conditionCode: condition.code },
        );
      }
      await this.record(recorded, open, what.signal);
      return;
    }
    // Only what the catalogue knows is worth a request; the rest stays in the device's history.
    if (!condition && !what.openUnmapped) return;
    const name = condition?.record.name ?? deviceCode;
    const description = [
      `${name} reported by the device of ${asset.name ? `${asset.name} (${asset.code})` : asset.code}`,
      what.message,
      `Device code ${deviceCode}, ${what.at}.`,
    ]
      .filter(Boolean)
      .join('\n');
    const opened = await this.options.commands.open(context, {
      source: 'device',
      customerCode: asset.customerCode,
      siteCode: asset.siteCode,
      assetCode: asset.code,
      description: description.slice(0, 4000),
      priority: PRIORITY_OF[what.severity],
      conditionCodes: condition ? [condition.code] : [],
      // One request per device event: a second handling finds the one it opened.
      externalReference: `device:${asset.code}:${recorded.id}`,
    });
    await executeCommand(
      this.options.events,
      deviceStreamName(assetCode),
      deviceDecider,
      { type: 'linkRequest', assetCode, requestId: opened.requestId, at: what.at, cause: what.cause },
      { ...context, idempotencyKey: `device-link-${recorded.id}` },
    );
  }

  /** A signal on the request the device's trouble is followed on; `onlyOpen` skips a finished one. */
  private async note(
    recorded: RecordedEvent,
    assetCode: string,
    signal: DeviceSignalOnRequest,
    onlyOpen: boolean,
  ) {
    const { state } = await loadStream(this.options.events, deviceStreamName(assetCode), deviceDecider);
    if (!state.requestId) return;
    if (onlyOpen && !(await this.isOpen(state.requestId))) return;
    await this.record(recorded, state.requestId, signal);
  }

  private async record(recorded: RecordedEvent, requestId: string, signal: DeviceSignalOnRequest) {
    const context = this.context(recorded);
    await executeCommand(
      this.options.events,
      serviceRequestStreamName(requestId),
      serviceRequestDecider,
      { type: 'recordDeviceSignal', at: context.at, signal },
      { ...context, idempotencyKey: `device-signal-${recorded.id}` },
    );
  }

  private async openRequestOf(assetCode: string): Promise<string | undefined> {
    const { state } = await loadStream(this.options.events, deviceStreamName(assetCode), deviceDecider);
    return state.requestId && (await this.isOpen(state.requestId)) ? state.requestId : undefined;
  }

  private async isOpen(requestId: string): Promise<boolean> {
    const { state } = await loadStream(
      this.options.events,
      serviceRequestStreamName(requestId),
      serviceRequestDecider,
    );
    return state.status !== 'none' && !FINISHED.has(state.status);
  }

  private async asset(assetCode: string): Promise<AssetRecord | undefined> {
    const document = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('asset'))
      .get(assetCode);
    if (!document || document.status !== 'active') return undefined;
    const record = document.record as Omit<AssetRecord, 'code'>;
    return { code: document.code, ...record };
  }

  /**
   * The catalogue's condition for a device code on this asset: a precise one for its model or its
   * model's family first, else a generic one with that device code.
   */
  private async conditionFor(
    asset: AssetRecord,
    deviceCode: string,
  ): Promise<{ code: string; record: Condition } | undefined> {
    const candidates = (
      await this.options.reads
        .collection<MasterDataDocument>(masterDataCollection('condition'))
        .find({ status: 'active', 'record.deviceCode': deviceCode })
    ).map((document) => ({ code: document.code, record: document.record as unknown as Condition }));
    if (candidates.length === 0) return undefined;
    const model = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('asset-model'))
      .get(asset.modelCode);
    const family = typeof model?.record['family'] === 'string' ? model.record['family'] : undefined;
    return (
      candidates.find((c) => c.record.modelCodes.includes(asset.modelCode)) ??
      candidates.find((c) => family !== undefined && c.record.family === family) ??
      candidates.find((c) => c.record.precision === 'generic')
    );
  }

  private context(recorded: RecordedEvent): CommandContext {
    return {
      ...systemContext(new Date().toISOString(), recorded.metadata.correlationId),
      actor: SYSTEM,
      causationId: recorded.id,
    };
  }
}
