import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationAudience,
  type NotificationPreferences,
} from '@fieldstream/domain';
import {
  type MasterDataDocument,
  USERS_COLLECTION,
  type UserDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

/** A person who can be told something, with what reaching them needs. */
export type Recipient = {
  userId: string;
  displayName: string;
  role: string;
  language: 'it' | 'en';
  email?: string;
  phone?: string;
  preferences: NotificationPreferences;
  binding: {
    unitCode?: string | undefined;
    customerCode?: string | undefined;
    technicianCode?: string | undefined;
  };
};

/** What about a request decides who hears of it. */
export type RequestParties = {
  unitCode?: string;
  customerCode: string;
  /** The technicians the event concerns (assigned, rescheduled...) or the request's current ones. */
  technicianCodes: readonly string[];
};

const CACHE_MS = 10_000;

/**
 * Who is who, for the notifier: the active users by role and binding, and the units' parent
 * links. Read from the read models and kept for a few seconds, since every event asks.
 */
export class Directory {
  private cached:
    | { users: Recipient[]; parents: Map<string, string>; headOffices: Set<string>; readAt: number }
    | undefined;

  constructor(
    private readonly reads: ReadStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The users an audience names for a request; each user at most once. */
  async recipients(
    audiences: readonly NotificationAudience[],
    parties: RequestParties,
  ): Promise<Recipient[]> {
    const { users, parents, headOffices } = await this.load();
    const found = new Map<string, Recipient>();
    const add = (list: Recipient[]) => list.forEach((user) => found.set(user.userId, user));
    const path = unitPath(parents, parties.unitCode);
    for (const audience of audiences) {
      switch (audience) {
        case 'technicians':
          add(
            users.filter(
              (user) =>
                user.role === 'technician' &&
                parties.technicianCodes.includes(bindingOf(user, 'technicianCode')),
            ),
          );
          break;
        case 'customer-users':
          add(
            users.filter(
              (user) => user.role === 'customer' && bindingOf(user, 'customerCode') === parties.customerCode,
            ),
          );
          break;
        case 'unit-dispatchers':
        case 'unit-managers': {
          const role = audience === 'unit-dispatchers' ? 'dispatcher' : 'manager';
          // The nearest unit up the tree that has such people: a centre without its own desk is
          // served by the one above it.
          for (const unit of path) {
            const here = users.filter((user) => user.role === role && bindingOf(user, 'unitCode') === unit);
            if (here.length > 0) {
              add(here);
              break;
            }
          }
          break;
        }
        case 'head-office':
          add(
            users.filter((user) => user.role === 'manager' && headOffices.has(bindingOf(user, 'unitCode'))),
          );
          break;
      }
    }
    return [...found.values()];
  }

  async user(userId: string): Promise<Recipient | undefined> {
    return (await this.load()).users.find((user) => user.userId === userId);
  }

  /** The unit and the units above it, nearest first. */
  async unitPath(unitCode: string | undefined): Promise<string[]> {
    return unitPath((await this.load()).parents, unitCode);
  }

  private async load() {
    const now = this.now();
    if (this.cached && now - this.cached.readAt < CACHE_MS) return this.cached;
    const [userDocuments, units] = await Promise.all([
      this.reads
        .collection<UserDocument>(USERS_COLLECTION)
        .find({ status: 'active' }, { projection: { sessions: 0 } }),
      this.reads
        .collection<MasterDataDocument>(masterDataCollection('unit'))
        .find({ status: 'active' }, { projection: { searchTerms: 0 } }),
    ]);
    const users = userDocuments.map((document): Recipient => ({
      userId: document._id,
      displayName: document.profile.displayName,
      role: document.profile.role,
      language: document.profile.language ?? 'it',
      ...(document.profile.email && { email: document.profile.email }),
      ...(document.profile.phone && { phone: document.profile.phone }),
      preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES, ...document.profile.notifications },
      binding: document.profile.binding,
    }));
    const parents = new Map<string, string>();
    const headOffices = new Set<string>();
    for (const unit of units) {
      if (typeof unit.record['parentCode'] === 'string') parents.set(unit.code, unit.record['parentCode']);
      if (unit.record['type'] === 'head-office') headOffices.add(unit.code);
    }
    this.cached = { users, parents, headOffices, readAt: now };
    return this.cached;
  }
}

function bindingOf(user: Recipient, field: 'unitCode' | 'customerCode' | 'technicianCode'): string {
  return user.binding[field] ?? '';
}

function unitPath(parents: ReadonlyMap<string, string>, unitCode: string | undefined): string[] {
  const path: string[] = [];
  for (let unit = unitCode; unit !== undefined && !path.includes(unit); unit = parents.get(unit))
    path.push(unit);
  return path;
}
