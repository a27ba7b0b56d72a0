import {
  type ServiceRequestEvent,
  type SlaState,
  SERVICE_LEVEL_STREAM_PREFIX,
  nextSlaAlarm,
  serviceLevelStreamName,
  serviceRequestStreamName,
  slaDecider,
} from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import type { ReadStore } from '@fieldstream/read-store';
import { systemContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { foldStreamsByPrefix } from '../sagas/fold-streams';
import { ServiceCalendars } from './service-calendar';
import { slaPolicyFor } from './sla-policy-for';
import type { SlaTimers } from './sla-timers';

const REQUEST_STREAM_PREFIX = 'service-request-';
const PAGE = 1000;

export interface SlaClocksOptions {
  events: EventStore;
  reads: ReadStore;
  timers: SlaTimers;
  /** The clock: the world's edge, a test's own. */
  now?: () => Date;
}

export interface RederiveProgress {
  events: number;
  requests: number;
  timers: number;
}

/**
 * The SLA saga's decisions: following each request event onto the request's service-level
 * stream, recording the alarms a timer finds due, and setting every request's next timer again.
 * It only issues commands (to the service-level streams) and sets timers; what is true is in the
 * streams, so each step can run twice and Redis can be lost.
 */
export class SlaClocks {
  private readonly calendars: ServiceCalendars;
  private readonly now: () => Date;

  constructor(private readonly options: SlaClocksOptions) {
    this.now = options.now ?? (() => new Date());
    this.calendars = new ServiceCalendars(options.reads, () => this.now().getTime());
  }

  /** Follows one recorded request event; other events are ignored. */
  async follow(recorded: RecordedEvent): Promise<void> {
    if (!recorded.streamName.startsWith(REQUEST_STREAM_PREFIX)) return;
    const event = { type: recorded.type, data: recorded.data } as unknown as ServiceRequestEvent;
    const requestId = event.data.requestId;
    const stream = serviceLevelStreamName(requestId);
    const { state } = await loadStream(this.options.events, stream, slaDecider);
    if (state.status === 'none' ? event.type !== 'ServiceRequestOpened' : state.status === 'not-applicable')
      return;
    if (recorded.revision <= state.requestRevision) return;

    const lookup =
      event.type === 'ServiceRequestOpened' ? await slaPolicyFor(this.options.reads, event.data) : undefined;
    const policy = lookup ? lookup.policy : state.policy;
    const calendar = policy ? await this.calendars.layersFor(policy) : [];
    const outcome = await executeCommand(
      this.options.events,
      stream,
      slaDecider,
      {
        type: 'followRequest',
        requestEvent: event,
        requestRevision: recorded.revision,
        calendar,
        ...(lookup && { policy: lookup.policy }),
        ...(lookup && lookup.policy === null && { noPolicyReason: lookup.reason }),
      },
      {
        ...systemContext(event.data.at, recorded.metadata.correlationId),
        causationId: recorded.id,
        // The request event's id makes the events' ids: following it twice writes nothing twice.
        idempotencyKey: `follow-${recorded.id}`,
      },
    );
    await this.setTimer(requestId, outcome.state);
  }

  /**
   * A timer's visit: records the alarms due now, then sets the next timer. The request's own
   * events the follower has not reached yet are followed first: after an outage the follower
   * catches up while timers already fire, and an arrival on site that happened before the deadline
   * must stop the clock before "now" is judged, or the breach would be recorded wrongly.
   */
  async recordDue(requestId: string): Promise<{ recorded: number }> {
    await this.catchUp(requestId);
    const outcome = await executeCommand(
      this.options.events,
      serviceLevelStreamName(requestId),
      slaDecider,
      { type: 'recordDue', at: this.now().toISOString() },
      systemContext(this.now().toISOString(), `sla-alarm-${requestId}`),
    );
    // Only ever sets: a clear decided on this (possibly older) state could undo the timer the
    // follower just set for a resumed clock. A timer with nothing left to do simply ends.
    const next = nextSlaAlarm(outcome.state);
    if (next) await this.options.timers.set(requestId, new Date(next.at));
    return { recorded: outcome.events.length };
  }

  /** Follows the request events after the last one its service-level stream followed. */
  private async catchUp(requestId: string): Promise<void> {
    const { state } = await loadStream(this.options.events, serviceLevelStreamName(requestId), slaDecider);
    for (let from = state.requestRevision + 1; ;) {
      const page = await this.options.events.readStream(serviceRequestStreamName(requestId), {
        fromRevision: from,
        maxCount: PAGE,
      });
      for (const recorded of page) await this.follow(recorded);
      if (page.length < PAGE) return;
      from += page.length;
    }
  }

  /**
   * Sets every running request's next timer from the service-level streams themselves (not from
   * a read model that may lag): what the worker does on start, so timers lost with Redis come back.
   */
  async rederiveTimers(onProgress?: (progress: RederiveProgress) => void): Promise<RederiveProgress> {
    let events = 0;
    const states = await foldStreamsByPrefix(
      this.options.events,
      SERVICE_LEVEL_STREAM_PREFIX,
      slaDecider,
      (progress) => {
        events = progress.events;
        onProgress?.({ events, requests: progress.streams, timers: 0 });
      },
    );
    let timers = 0;
    const running = [...states].filter(([, state]) => nextSlaAlarm(state) !== undefined);
    const queue = running[Symbol.iterator]();
    const worker = async () => {
      for (let next = queue.next(); !next.done; next = queue.next()) {
        const [requestId] = next.value;
        // Read again right before setting: the follower may have moved the clocks since the scan,
        // and a timer set from an older state could wake up too late. A stream with nothing due
        // any more is left alone (clearing from a scan could undo the follower's newer timer).
        const { state } = await loadStream(
          this.options.events,
          serviceLevelStreamName(requestId),
          slaDecider,
        );
        const alarm = nextSlaAlarm(state);
        if (!alarm) continue;
        await this.options.timers.set(requestId, new Date(alarm.at));
        timers++;
        if (timers % 1000 === 0) onProgress?.({ events, requests: states.size, timers });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const done = { events, requests: states.size, timers };
    onProgress?.(done);
    return done;
  }

  private async setTimer(requestId: string, state: SlaState): Promise<void> {
    const next = nextSlaAlarm(state);
    if (next) await this.options.timers.set(requestId, new Date(next.at));
    else await this.options.timers.clear(requestId);
  }
}
