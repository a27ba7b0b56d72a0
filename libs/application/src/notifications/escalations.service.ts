import {
  ESCALATION_STREAM_PREFIX,
  type EscalationChain,
  type Principal,
  type SlaClockName,
  type SlaState,
  escalationChainFor,
  escalationDecider,
  escalationStreamName,
  levelsReached,
  nextAcknowledgementDeadline,
  serviceLevelStreamName,
  slaDecider,
} from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  masterDataCollection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { systemContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { ForbiddenError } from '../errors';
import { foldStreamsByPrefix } from '../sagas/fold-streams';
import type { Directory } from './directory';
import { DEFAULT_NOTIFY_MAX_AGE_MS } from './notifier.service';

const MINUTE = 60_000;

/** When an unacknowledged level must be looked at again. */
export interface EscalationTimers {
  set(requestId: string, at: Date): Promise<void>;
}

export interface EscalationsOptions {
  events: EventStore;
  reads: ReadStore;
  directory: Directory;
  timers: EscalationTimers;
  now?: () => Date;
  /** Alarms older than this raise no level (see DEFAULT_NOTIFY_MAX_AGE_MS). */
  maxAgeMs?: number;
}

/**
 * The escalation saga: an SLA alarm raises the levels of the request's chain it has reached (each
 * once); a level that asks for an acknowledgement and gets none in time raises the next level at
 * once. It only issues commands (to `escalation-<requestId>`) and sets timers; the notifier tells
 * each level's people through the level's channels.
 */
export class Escalations {
  private readonly now: () => Date;

  constructor(private readonly options: EscalationsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Follows an SLA alarm or breach. One that fell due more than a day before it was found (a new
   * installation following months of history, a worker back from a long outage) raises no level:
   * nobody can act on it as an alarm, and the dashboard shows where the request stands.
   */
  async onSlaEvent(recorded: RecordedEvent): Promise<void> {
    if (recorded.type !== 'SlaThresholdReached' && recorded.type !== 'SlaBreached') return;
    const dueAt = Date.parse(String(recorded.data['dueAt'] ?? recorded.data['deadline']));
    if (this.now().getTime() - dueAt > (this.options.maxAgeMs ?? DEFAULT_NOTIFY_MAX_AGE_MS)) return;
    const requestId = String(recorded.data['requestId']);
    const percent = recorded.type === 'SlaBreached' ? 100 : Number(recorded.data['percent']);
    const clock = recorded.data['clock'] as SlaClockName;
    const found = await this.chainOf(requestId);
    if (!found) return;
    const { state } = await loadStream(
      this.options.events,
      escalationStreamName(requestId),
      escalationDecider,
    );
    const alerted = new Set(state.levels.map((level) => level.level));
    for (const { level } of levelsReached(found.chain.record, percent)) {
      if (alerted.has(level)) continue;
      await this.alert(requestId, found, level, percent, clock, 'threshold', recorded.id);
    }
    await this.setTimer(requestId);
  }

  /** The acknowledgement timer went off: a level unanswered in time raises the next one. */
  async checkAcknowledgements(requestId: string): Promise<void> {
    const { state } = await loadStream(
      this.options.events,
      escalationStreamName(requestId),
      escalationDecider,
    );
    const due = nextAcknowledgementDeadline(state);
    if (!due || due.at > this.now().getTime()) return this.setTimer(requestId);
    // Nothing to escalate once the clocks stopped: the request was dealt with.
    const sla = await loadStream(this.options.events, serviceLevelStreamName(requestId), slaDecider);
    if (sla.state.status !== 'running') return;
    const found = await this.chainOf(requestId);
    if (!found) return;
    const next = due.level + 1;
    const definition = found.chain.record.levels[next - 1];
    if (!definition || state.levels.some((level) => level.level === next))
      return this.setTimer(requestId, due.at);
    const alerted = state.levels.find((level) => level.level === due.level)!;
    await this.alert(
      requestId,
      found,
      next,
      alerted.percent,
      this.clockOf(sla.state),
      'unacknowledged',
      `ack-${due.level}`,
    );
    await this.setTimer(requestId);
  }

  /**
   * Someone takes the alarm in hand: a person the escalation alerted, or the desk and management
   * (who may read the request). Acknowledging covers every level raised so far.
   */
  async acknowledge(
    principal: Principal,
    requestId: string,
    note?: string,
  ): Promise<{ acknowledged: number[] }> {
    const { state } = await loadStream(
      this.options.events,
      escalationStreamName(requestId),
      escalationDecider,
    );
    const alertedToThem = state.levels.some((level) => level.recipients.includes(principal.id));
    if (!alertedToThem && !['admin', 'manager', 'dispatcher'].includes(principal.role)) {
      throw new ForbiddenError('Only the people alerted, the desk and management acknowledge an escalation');
    }
    const at = this.now().toISOString();
    const outcome = await executeCommand(
      this.options.events,
      escalationStreamName(requestId),
      escalationDecider,
      { type: 'acknowledge', requestId, at, userId: principal.id, ...(note !== undefined && { note }) },
      { actor: principal, at, correlationId: `acknowledge-${requestId}` },
    );
    const event = outcome.events[0];
    return { acknowledged: event?.type === 'EscalationAcknowledged' ? event.data.levels : [] };
  }

  /** Sets every open acknowledgement timer again from the escalation streams (Redis lost). */
  async rederiveTimers(): Promise<number> {
    const states = await foldStreamsByPrefix(
      this.options.events,
      ESCALATION_STREAM_PREFIX,
      escalationDecider,
    );
    let timers = 0;
    for (const [requestId, state] of states) {
      const next = nextAcknowledgementDeadline(state);
      if (!next) continue;
      await this.options.timers.set(requestId, new Date(next.at));
      timers++;
    }
    return timers;
  }

  private clockOf(state: SlaState): SlaClockName {
    return state.clocks.find((clock) => !clock.stopped)?.clock ?? 'restoration';
  }

  private async alert(
    requestId: string,
    found: {
      chain: { code: string; record: EscalationChain };
      unitCode?: string;
      customerCode: string;
      technicianCodes: string[];
    },
    level: number,
    percent: number,
    clock: SlaClockName,
    cause: 'threshold' | 'unacknowledged',
    causeId: string,
  ): Promise<void> {
    const definition = found.chain.record.levels[level - 1]!;
    const recipients = await this.options.directory.recipients(definition.audiences, {
      ...(found.unitCode !== undefined && { unitCode: found.unitCode }),
      customerCode: found.customerCode,
      technicianCodes: found.technicianCodes,
    });
    const now = this.now();
    await executeCommand(
      this.options.events,
      escalationStreamName(requestId),
      escalationDecider,
      {
        type: 'alert',
        requestId,
        at: now.toISOString(),
        alert: {
          chainCode: found.chain.code,
          level,
          percent,
          clock,
          audiences: definition.audiences,
          recipients: recipients.map((recipient) => recipient.userId),
          channels: definition.channels,
          ...(definition.acknowledgeWithinMinutes !== undefined && {
            acknowledgeBy: new Date(
              now.getTime() + definition.acknowledgeWithinMinutes * MINUTE,
            ).toISOString(),
          }),
          cause,
        },
      },
      {
        ...systemContext(now.toISOString(), `escalation-${requestId}`),
        idempotencyKey: `escalate-${causeId}-${level}`,
      },
    );
  }

  private async setTimer(requestId: string, after?: number): Promise<void> {
    const { state } = await loadStream(
      this.options.events,
      escalationStreamName(requestId),
      escalationDecider,
    );
    const next = nextAcknowledgementDeadline(state);
    if (next && next.at !== after) await this.options.timers.set(requestId, new Date(next.at));
  }

  /** The request's chain, with what choosing it and alerting its people needs. */
  private async chainOf(requestId: string) {
    const sla = await loadStream(this.options.events, serviceLevelStreamName(requestId), slaDecider);
    const policy = sla.state.policy;
    if (!policy) return undefined;
    const request = await this.options.reads.collection(SERVICE_REQUESTS_COLLECTION).get(requestId);
    const unitCode = typeof request?.['unitCode'] === 'string' ? request['unitCode'] : undefined;
    const chains = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('escalation-chain'))
      .find({ status: 'active' }, { projection: { searchTerms: 0 } });
    const chain = escalationChainFor(
      chains.map((document) => ({
        code: document.code,
        record: document.record as unknown as EscalationChain,
      })),
      {
        priority: policy.priority,
        contractCode: policy.contractCode,
        unitPath: await this.options.directory.unitPath(unitCode),
      },
    );
    if (!chain) return undefined;
    return {
      chain,
      ...(unitCode !== undefined && { unitCode }),
      customerCode: typeof request?.['customerCode'] === 'string' ? request['customerCode'] : '',
      technicianCodes: Array.isArray(request?.['technicianCodes'])
        ? (request['technicianCodes'] as string[])
        : [],
    };
  }
}
