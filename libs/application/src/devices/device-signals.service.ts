import {
  type DeviceCommand,
  type DeviceSignal,
  type DeviceState,
  type Principal,
  deviceDecider,
  deviceSignalSchema,
  deviceStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { CommandContext } from '../commands/command-context';
import { executeCommand } from '../commands/execute-command';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../errors';
import { fieldIssues } from '../notifications/queries/field-issues';
import type { PreventivePlanner } from '../preventive';
import { RepeatCoalescer } from './repeat-coalescer';

/** Repeats of a raised anomaly are recorded together at most this often. */
export const DEFAULT_REPEAT_WINDOW_MS = 30_000;
/** How long an asset's existence is taken as known: a storm asks for it thousands of times. */
const ASSET_CACHE_MS = 10_000;

export interface DeviceSignalsOptions {
  events: EventStore;
  reads: ReadStore;
  planner: PreventivePlanner;
  now?: () => Date;
  repeatWindowMs?: number;
  log?: { error(message: string): void };
}

/** What became of one signal: recorded (events written), counted into a window, or nothing new. */
export type SignalOutcome = {
  kind: DeviceSignal['kind'];
  outcome: 'recorded' | 'counted' | 'unchanged';
  events: string[];
};

/** Who may speak for an asset: its own device credentials, integrations and administrators. */
function authorise(principal: Principal, assetCode: string): void {
  if (principal.role === 'device') {
    if (!(principal.assetCodes ?? []).includes(assetCode))
      throw new ForbiddenError('A device reports for its own assets only');
    return;
  }
  if (principal.role !== 'integrator' && principal.role !== 'admin')
    throw new ForbiddenError('Device signals come from devices, integrations and administrators');
}

/**
 * Turns what machines say (over MQTT or HTTP, one schema) into the asset's device stream: the
 * same signals through the same rules whichever way they came. Meter readings go to the asset's
 * meters, where preventive plans read them. Commands on one asset run one at a time in this
 * process (a storm would otherwise race for the stream and retry over and over); the repeats of a
 * raised anomaly are counted, not recorded each (RepeatCoalescer).
 */
export class DeviceSignals {
  private readonly now: () => Date;
  private readonly turns = new Map<string, Promise<unknown>>();
  private readonly assets = new Map<string, { exists: boolean; until: number }>();
  private readonly coalescer: RepeatCoalescer;

  constructor(private readonly options: DeviceSignalsOptions) {
    this.now = options.now ?? (() => new Date());
    this.coalescer = new RepeatCoalescer(
      options.repeatWindowMs ?? DEFAULT_REPEAT_WINDOW_MS,
      (key, repeats) => this.recordRepeats(key, repeats),
      (error) => options.log?.error(`Device repeats not recorded: ${String(error)}`),
    );
  }

  /** Parses and records one signal `body` for `assetCode`, said by `principal`. */
  async record(
    principal: Principal,
    assetCode: string,
    body: unknown,
    correlationId?: string,
  ): Promise<SignalOutcome> {
    authorise(principal, assetCode);
    const parsed = deviceSignalSchema.safeParse(body);
    if (!parsed.success)
      throw new FieldValidationError('The signal has invalid fields; see errors', fieldIssues(parsed.error));
    await this.requireAsset(assetCode);
    const signal = parsed.data;
    const at = this.now().toISOString();
    const context: CommandContext = {
      actor: principal,
      at,
      correlationId: correlationId ?? `device-${assetCode}`,
    };
    switch (signal.kind) {
      case 'meter': {
        const { recorded } = await this.options.planner.recordReading(
          principal,
          assetCode,
          { meter: signal.meter, value: signal.value, ...(signal.at && { at: signal.at }) },
          context,
        );
        return {
          kind: 'meter',
          outcome: recorded ? 'recorded' : 'unchanged',
          events: recorded ? ['MeterReadingRecorded'] : [],
        };
      }
      case 'anomaly': {
        const key = keyOf(assetCode, signal.code);
        if (this.coalescer.count(key, at, signal.count))
          return { kind: 'anomaly', outcome: 'counted', events: [] };
        const outcome = await this.execute(assetCode, context, {
          type: 'raise',
          assetCode,
          code: signal.code,
          at,
          ...(signal.at && { deviceAt: signal.at }),
          ...(signal.message && { message: signal.message }),
          severity: signal.severity,
          count: signal.count,
        });
        const episode = outcome.state.anomalies[signal.code];
        if (episode && !episode.clearedAt) this.coalescer.open(key);
        return outcome.answer('anomaly');
      }
      case 'cleared': {
        // What was counted before the clearing belongs before it in the log.
        await this.coalescer.close(keyOf(assetCode, signal.code));
        return (
          await this.execute(assetCode, context, {
            type: 'clear',
            assetCode,
            code: signal.code,
            at,
            ...(signal.at && { deviceAt: signal.at }),
            ...(signal.message && { message: signal.message }),
          })
        ).answer('cleared');
      }
      case 'status':
        return (
          await this.execute(assetCode, context, {
            type: 'reportStatus',
            assetCode,
            state: signal.state,
            values: signal.values,
            at,
            ...(signal.at && { deviceAt: signal.at }),
          })
        ).answer('status');
      case 'heartbeat':
        return (
          await this.execute(assetCode, context, {
            type: 'heartbeat',
            assetCode,
            at,
            ...(signal.firmware && { firmware: signal.firmware }),
          })
        ).answer('heartbeat');
    }
  }

  /** Records the repeats still being counted (the process stopping). */
  async close(): Promise<void> {
    await this.coalescer.drain();
  }

  private async recordRepeats(key: string, repeats: { count: number; firstAt: string; lastAt: string }) {
    const [assetCode, code] = splitKey(key);
    const at = this.now().toISOString();
    await this.execute(
      assetCode,
      { actor: SYSTEM_DEVICE_PRINCIPAL, at, correlationId: `device-${assetCode}` },
      {
        type: 'raise',
        assetCode,
        code,
        at: repeats.lastAt,
        severity: 'warning',
        count: repeats.count,
        firstAt: repeats.firstAt,
      },
    );
  }

  private async execute(assetCode: string, context: CommandContext, command: DeviceCommand) {
    const outcome = await this.inTurn(assetCode, () =>
      executeCommand(this.options.events, deviceStreamName(assetCode), deviceDecider, command, context),
    );
    return {
      state: outcome.state as DeviceState,
      answer: (kind: DeviceSignal['kind']): SignalOutcome => ({
        kind,
        outcome: outcome.events.length > 0 ? 'recorded' : 'unchanged',
        events: outcome.events.map((event) => event.type),
      }),
    };
  }

  private async requireAsset(assetCode: string): Promise<void> {
    const cached = this.assets.get(assetCode);
    const now = Date.now();
    let exists = cached && cached.until > now ? cached.exists : undefined;
    if (exists === undefined) {
      const asset = await this.options.reads
        .collection<MasterDataDocument>(masterDataCollection('asset'))
        .get(assetCode);
      exists = !!asset && asset.status === 'active';
      this.assets.set(assetCode, { exists, until: now + ASSET_CACHE_MS });
    }
    if (!exists) throw new NotFoundError(`No asset ${assetCode}`, { kind: 'asset', id: assetCode });
  }

  private async inTurn<T>(assetCode: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(assetCode) ?? Promise.resolve();
    const turn = previous.then(work, work);
    this.turns.set(assetCode, turn);
    try {
      return await turn;
    } finally {
      if (this.turns.get(assetCode) === turn) this.turns.delete(assetCode);
    }
  }
}

/** Who records what was counted in memory: the repeats' own senders are many. */
const SYSTEM_DEVICE_PRINCIPAL: Principal = {
  id: 'device-signals',
  displayName: 'Device signals',
  kind: 'user',
  role: 'admin',
};

const keyOf = (assetCode: string, code: string) => `${assetCode}\u0000${code}`;
const splitKey = (key: string) => key.split('\u0000') as [string, string];
