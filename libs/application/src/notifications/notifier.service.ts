import {
  EXTERNAL_CHANNELS,
  type ExternalChannel,
  type NotificationChannel,
  type NotificationTopic,
  deliverableFrom,
  inboxDecider,
  inboxStreamName,
  type NotificationEndpointsState,
  notificationEndpointsDecider,
  notificationEndpointsStreamName,
  notificationTopicOf,
  serviceRequestReference,
} from '@fieldstream/domain';
import type { EventStore, JsonObject, RecordedEvent } from '@fieldstream/event-store';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  type ServiceRequestDocument,
  masterDataCollection,
  serviceRequestsProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { systemContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { nameBasedUuid } from '../commands/stream-names';
import { waitForReadModels } from '../commands/wait-for-projection';
import type { Deliveries } from './deliveries.service';
import type { Directory, Recipient, RequestParties } from './directory';
import type { NotificationRules } from './notification-rules';
import { firstNameOf } from '../portal/first-name';
import { deskRequestPath } from './desk-request-path';
import { type NotificationFacts, wordNotification } from './notification-templates';

/**
 * Events older than this when the notifier reaches them tell nobody: a new installation following
 * months of history, or a worker back from a long outage, would otherwise flood every inbox with
 * news nobody can act on. What is still true (a breach still running) is told by its own, newer
 * events (alarms are recorded when they are found due).
 */
export const DEFAULT_NOTIFY_MAX_AGE_MS = 24 * 3600 * 1000;

/** How long the notifier waits for the request's read model to show the event it tells. */
const READ_MODEL_WAIT_MS = 15_000;

export interface NotifierOptions {
  events: EventStore;
  reads: ReadStore;
  rules: NotificationRules;
  directory: Directory;
  deliveries: Deliveries;
  now?: () => Date;
  /** See DEFAULT_NOTIFY_MAX_AGE_MS. */
  maxAgeMs?: number;
}

type Target = { recipient: Recipient; channels: Set<NotificationChannel> };

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Turns events into notifications: for each event that tells a topic, who must hear of it (the
 * rules' audiences, or an escalation's own recipients) and through which channels; each
 * recipient's inbox receives it worded in their language, and each outside channel their
 * preferences allow gets a delivery, held back in their quiet hours. Ids derive from the event,
 * the recipient and the channel: handling an event twice notifies nobody twice.
 */
export class Notifier {
  private readonly now: () => Date;
  /**
   * One inbox write at a time per user in this process: events of different requests are told
   * side by side, and their notifications to one user would otherwise race for the user's inbox
   * stream (optimistic concurrency) and retry over and over.
   */
  private readonly inboxTurns = new Map<string, Promise<unknown>>();

  constructor(private readonly options: NotifierOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async handle(recorded: RecordedEvent): Promise<{ notified: number }> {
    const topic = notificationTopicOf(recorded.type);
    const requestId = str(recorded.data['requestId']);
    if (!topic || !requestId) return { notified: 0 };
    // An alarm happened when it fell due, whenever it was found.
    const happened = Date.parse(
      String(
        recorded.data['dueAt'] ??
          recorded.data['deadline'] ??
          recorded.data['at'] ??
          recorded.metadata.occurredAt,
      ),
    );
    if (this.now().getTime() - happened > (this.options.maxAgeMs ?? DEFAULT_NOTIFY_MAX_AGE_MS)) {
      return { notified: 0 };
    }
    await waitForReadModels(
      this.options.events,
      this.options.reads,
      [serviceRequestsProjection],
      recorded.position,
      READ_MODEL_WAIT_MS,
    );
    const request = await this.options.reads
      .collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION)
      .get(requestId);
    if (!request) return { notified: 0 };
    const targets = await this.targets(recorded, topic, request);
    const facts = await this.facts(recorded, topic, request);
    for (const { recipient, channels } of targets) {
      await this.notify(recorded, topic, facts, request, recipient, channels);
    }
    return { notified: targets.length };
  }

  private async targets(
    recorded: RecordedEvent,
    topic: NotificationTopic,
    request: ServiceRequestDocument,
  ): Promise<Target[]> {
    const byUser = new Map<string, Target>();
    const add = (recipient: Recipient, channels: readonly NotificationChannel[]) => {
      const target = byUser.get(recipient.userId) ?? { recipient, channels: new Set<NotificationChannel>() };
      channels.forEach((channel) => target.channels.add(channel));
      byUser.set(recipient.userId, target);
    };
    if (recorded.type === 'EscalationLevelAlerted') {
      const channels = (recorded.data['channels'] as NotificationChannel[]) ?? ['inbox'];
      for (const userId of (recorded.data['recipients'] as string[]) ?? []) {
        const recipient = await this.options.directory.user(userId);
        if (recipient) add(recipient, channels);
      }
      return [...byUser.values()];
    }
    const parties = this.parties(recorded, request);
    for (const rule of await this.options.rules.for(topic, request.priority)) {
      for (const recipient of await this.options.directory.recipients(rule.audiences, parties))
        add(recipient, rule.channels);
    }
    // Nobody is told what they did themselves.
    byUser.delete(recorded.metadata.actorId);
    return [...byUser.values()];
  }

  /** The technicians an event concerns: those it assigns, moves or removes, else the request's own. */
  private parties(recorded: RecordedEvent, request: ServiceRequestDocument): RequestParties {
    const data = recorded.data;
    const codes = (list: unknown) =>
      Array.isArray(list)
        ? list.map((entry) => str((entry as JsonObject)['technicianCode'])).filter((c): c is string => !!c)
        : [];
    let technicianCodes: string[];
    switch (recorded.type) {
      case 'ServiceRequestTechniciansAssigned':
        technicianCodes = codes(data['assignments']);
        break;
      case 'ServiceRequestRescheduled':
      case 'ServiceRequestRenounced':
      case 'ServiceRequestTechnicianOnTheWay':
        technicianCodes = [str(data['technicianCode']) ?? ''];
        break;
      case 'ServiceRequestUnassigned':
        technicianCodes = codes([data['assignment']]);
        break;
      case 'ServiceRequestCancelled':
      case 'ServiceRequestRemotelyResolved':
        technicianCodes = codes(data['releasedAssignments']);
        break;
      default:
        technicianCodes = request.technicianCodes ?? [];
    }
    return {
      ...(request.unitCode !== undefined && { unitCode: request.unitCode }),
      customerCode: request.customerCode,
      technicianCodes,
    };
  }

  private async facts(
    recorded: RecordedEvent,
    topic: NotificationTopic,
    request: ServiceRequestDocument,
  ): Promise<NotificationFacts> {
    const data = recorded.data;
    const [customer, site] = await Promise.all([
      this.options.reads
        .collection<MasterDataDocument>(masterDataCollection('customer'))
        .get(request.customerCode),
      this.options.reads.collection<MasterDataDocument>(masterDataCollection('site')).get(request.siteCode),
    ]);
    const slotOf = (assignment: unknown) => {
      const a = assignment as JsonObject | undefined;
      return a && str(a['start']) && str(a['end'])
        ? { start: a['start'] as string, end: a['end'] as string }
        : undefined;
    };
    const firstAssignment = Array.isArray(data['assignments']) ? data['assignments'][0] : data['assignment'];
    const slot = slotOf(firstAssignment);
    const technicianCodes = this.parties(recorded, request).technicianCodes;
    const technicians = await Promise.all(
      technicianCodes.map((code) =>
        this.options.reads.collection<MasterDataDocument>(masterDataCollection('technician')).get(code),
      ),
    );
    const reason = str(data['reason']) ?? str(data['text']) ?? str(data['diagnosis']);
    const clock = str(data['clock']) as 'response' | 'restoration' | undefined;
    const percent =
      recorded.type === 'SlaBreached'
        ? 100
        : typeof data['percent'] === 'number'
          ? data['percent']
          : undefined;
    const deadline = str(data['deadline']) ?? null;
    return {
      topic,
      reference: serviceRequestReference(request.id),
      priority: request.priority,
      customerName: str(customer?.record['name']) ?? request.customerCode,
      siteName: str(site?.record['name']) ?? request.siteCode,
      description: request.description,
      ...(slot && { slot }),
      technicianNames: technicians.map((t, i) => str(t?.record['name']) ?? technicianCodes[i]!),
      ...(reason && { reason }),
      ...(typeof data['etaMinutes'] === 'number' && { etaMinutes: data['etaMinutes'] }),
      ...(clock && percent !== undefined && { sla: { clock, percent, deadline } }),
      ...(recorded.type === 'EscalationLevelAlerted' && {
        escalation: {
          level: Number(data['level']),
          ...(str(data['acknowledgeBy']) && { acknowledgeBy: data['acknowledgeBy'] as string }),
        },
      }),
    };
  }

  private async notify(
    recorded: RecordedEvent,
    topic: NotificationTopic,
    facts: NotificationFacts,
    request: ServiceRequestDocument,
    recipient: Recipient,
    channels: ReadonlySet<NotificationChannel>,
  ): Promise<void> {
    // A customer is told who is coming by first name only, as the portal does.
    const told =
      recipient.role === 'customer'
        ? {
            ...facts,
            technicianNames: (facts.technicianNames ?? []).flatMap((name) => firstNameOf(name) ?? []),
          }
        : facts;
    const worded = wordNotification(told, recipient.language, recipient.preferences.timeZone);
    const at = this.now().toISOString();
    const context = { ...systemContext(at, recorded.metadata.correlationId), causationId: recorded.id };
    if (channels.has('inbox')) {
      await this.inTurn(recipient.userId, () =>
        executeCommand(
          this.options.events,
          inboxStreamName(recipient.userId),
          inboxDecider,
          {
            type: 'receive',
            userId: recipient.userId,
            at,
            notification: {
              notificationId: nameBasedUuid(`${recorded.id}:${recipient.userId}:inbox`),
              topic,
              severity: worded.severity,
              title: worded.title,
              body: worded.body,
              requestId: request.id,
              reference: facts.reference,
              sourceEventId: recorded.id,
              ...(facts.escalation && { escalation: facts.escalation }),
            },
          },
          { ...context, idempotencyKey: `notify-${recorded.id}` },
        ),
      );
    }
    if (recipient.preferences.mutedTopics.includes(topic)) return;
    // The recipient's browsers and webhook, read once for both channels, and only if one asks.
    let endpoints: Promise<NotificationEndpointsState> | undefined;
    const endpointsOnce = () => (endpoints ??= this.endpointsOf(recipient.userId));
    for (const channel of EXTERNAL_CHANNELS) {
      // A channel this installation has no sender for is not tried: no dead letter for every event.
      if (!channels.has(channel) || !this.options.deliveries.supports(channel)) continue;
      const address = await this.addressOf(recipient, channel, endpointsOnce);
      if (!address) continue;
      await this.options.deliveries.schedule(
        {
          deliveryId: nameBasedUuid(`${recorded.id}:${recipient.userId}:${channel}`),
          channel,
          userId: recipient.userId,
          address,
          topic,
          subject: worded.title,
          body: worded.body,
          requestId: request.id,
          link: deskRequestPath(recipient.role, request.id),
          sourceEventId: recorded.id,
          notBefore: new Date(
            deliverableFrom(recipient.preferences, topic, this.now().getTime()),
          ).toISOString(),
        },
        recorded.metadata.correlationId,
      );
    }
  }

  private async inTurn<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.inboxTurns.get(userId) ?? Promise.resolve();
    const turn = previous.then(work, work);
    this.inboxTurns.set(userId, turn);
    try {
      return await turn;
    } finally {
      if (this.inboxTurns.get(userId) === turn) this.inboxTurns.delete(userId);
    }
  }

  /** Where a channel reaches the user, if they have one and want it. */
  private async addressOf(
    recipient: Recipient,
    channel: ExternalChannel,
    endpoints: () => Promise<NotificationEndpointsState>,
  ): Promise<string | undefined> {
    switch (channel) {
      case 'email':
        return recipient.preferences.email ? recipient.email : undefined;
      case 'sms':
        return recipient.preferences.sms ? recipient.phone : undefined;
      // The browsers and the webhook the user registered themselves (read when sent, too).
      case 'push': {
        if (!recipient.preferences.push) return undefined;
        const { devices } = await endpoints();
        return devices.length > 0
          ? devices
              .map((device) => device.label)
              .join(', ')
              .slice(0, 200)
          : undefined;
      }
      case 'webhook':
        return (await endpoints()).webhook?.url;
    }
  }

  private async endpointsOf(userId: string): Promise<NotificationEndpointsState> {
    const { state } = await loadStream(
      this.options.events,
      notificationEndpointsStreamName(userId),
      notificationEndpointsDecider,
    );
    return state;
  }
}
