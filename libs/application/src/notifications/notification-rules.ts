import type { NotificationRule, NotificationTopic } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

/**
 * What a new installation tells whom until an administrator writes rules of their own (any active
 * rule replaces all of these): the technicians their work, the desk what needs it, the managers
 * the breaches, the customer the steps of their requests. Push and webhooks reach only those who
 * registered a browser or a webhook themselves; a personal webhook hears everything the inbox does.
 */
export const DEFAULT_NOTIFICATION_RULES: readonly NotificationRule[] = [
  {
    name: 'New request to the desk',
    topic: 'request-opened',
    audiences: ['unit-dispatchers'],
    channels: ['inbox', 'webhook'],
    priorities: [],
  },
  {
    name: 'Assignments to the technicians and the customer',
    topic: 'assignment',
    audiences: ['technicians', 'customer-users'],
    channels: ['inbox', 'push', 'email', 'webhook'],
    priorities: [],
  },
  {
    name: 'Reschedules to the technician and the customer',
    topic: 'reschedule',
    audiences: ['technicians', 'customer-users'],
    channels: ['inbox', 'push', 'email', 'webhook'],
    priorities: [],
  },
  {
    name: 'Unassignments to the technician',
    topic: 'unassignment',
    audiences: ['technicians'],
    channels: ['inbox', 'push', 'webhook'],
    priorities: [],
  },
  {
    name: 'Renounces to the desk',
    topic: 'renounce',
    audiences: ['unit-dispatchers'],
    channels: ['inbox', 'push', 'email', 'webhook'],
    priorities: [],
  },
  {
    name: 'The customer told the technician is on the way',
    topic: 'technician-on-the-way',
    audiences: ['customer-users'],
    channels: ['inbox', 'push', 'email', 'sms', 'webhook'],
    priorities: [],
  },
  {
    name: 'Suspensions to the technicians and the customer',
    topic: 'suspension',
    audiences: ['technicians', 'customer-users'],
    channels: ['inbox', 'push', 'email', 'webhook'],
    priorities: [],
  },
  {
    name: 'Closures to the customer and the desk',
    topic: 'closure',
    audiences: ['customer-users', 'unit-dispatchers'],
    channels: ['inbox', 'push', 'email', 'webhook'],
    priorities: [],
  },
  {
    name: 'Cancellations to the technicians',
    topic: 'cancellation',
    audiences: ['technicians', 'customer-users'],
    channels: ['inbox', 'push', 'email', 'webhook'],
    priorities: [],
  },
  {
    name: 'SLA alarms to the desk',
    topic: 'sla-alarm',
    audiences: ['unit-dispatchers'],
    channels: ['inbox', 'webhook'],
    priorities: [],
  },
  {
    name: 'SLA breaches to the desk and the managers',
    topic: 'sla-breach',
    audiences: ['unit-dispatchers', 'unit-managers'],
    channels: ['inbox', 'push', 'email', 'webhook'],
    priorities: [],
  },
];

/** How long rules read from the read model are reused: the notifier asks for every event. */
const CACHE_MS = 10_000;

export class NotificationRules {
  private cached: { rules: NotificationRule[]; readAt: number } | undefined;

  constructor(
    private readonly reads: ReadStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The rules for a topic and a request's priority: the active recorded ones, else the defaults. */
  async for(topic: NotificationTopic, priority: string | undefined): Promise<NotificationRule[]> {
    const all = await this.all();
    return all.filter(
      (rule) =>
        rule.topic === topic &&
        (rule.priorities.length === 0 ||
          (priority !== undefined && rule.priorities.includes(priority as never))),
    );
  }

  private async all(): Promise<NotificationRule[]> {
    const now = this.now();
    if (this.cached && now - this.cached.readAt < CACHE_MS) return this.cached.rules;
    const recorded = await this.reads
      .collection<MasterDataDocument>(masterDataCollection('notification-rule'))
      .find({ status: 'active' }, { projection: { searchTerms: 0 } });
    const rules =
      recorded.length > 0
        ? recorded.map((document) => document.record as unknown as NotificationRule)
        : [...DEFAULT_NOTIFICATION_RULES];
    this.cached = { rules, readAt: now };
    return rules;
  }
}
