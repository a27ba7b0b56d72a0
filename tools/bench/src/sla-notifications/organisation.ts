import {
  AuthService,
  type CommandContext,
  MasterDataService,
  type OpenServiceRequestInput,
  systemContext,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { type MasterDataDocument, USERS_COLLECTION, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

/**
 * The bench's organisation: one service centre under a head office, one customer site in its zone,
 * a round-the-clock service calendar and one contract whose service level every request opens
 * under, one notification rule (new requests to the centre's dispatchers, inbox and e-mail), and
 * one dispatcher of the centre with an e-mail address. Everything goes through the master-data and
 * user services, as an administrator's writes would.
 */
export const UNIT_CODE = 'SLA-BENCH';
export const CUSTOMER_CODE = 'SLA-CUST';
export const SITE_CODE = 'SLA-SITE';
const CONTRACT_CODE = 'SLA-CONTRACT';
const CALENDAR_CODE = 'SLA-24-7';
export const DISPATCHER_EMAIL = 'desk@sla-bench.test';

/** Four hours to respond, eight to restore; alarms at 50, 75 and 90 % and at the deadline. */
export const RESPONSE_MINUTES = 240;
export const RESTORATION_MINUTES = 480;
export const THRESHOLDS = [50, 75, 90, 100] as const;
/** The first alarm of a request opened at t: its response clock's first threshold. */
export const FIRST_ALARM_AFTER_MS = (RESPONSE_MINUTES * 60_000 * THRESHOLDS[0]) / 100;

const ADMIN = { id: 'sla-bench-admin', displayName: 'Bench admin', kind: 'user', role: 'admin' } as const;

export function openingInput(index: number): OpenServiceRequestInput {
  return {
    customerCode: CUSTOMER_CODE,
    siteCode: SITE_CODE,
    description: `Bench request ${index}: boiler stopped`,
    priority: 'high',
    conditionCodes: [],
  };
}

/** A desk user's context at a given instant (the opening time is the request's clock start). */
export function deskContext(at: number, correlationId: string): CommandContext {
  return { actor: ADMIN, at: new Date(at).toISOString(), correlationId };
}

export async function registerOrganisation(events: EventStore, reads: ReadStore): Promise<void> {
  const masterData = new MasterDataService({ events, reads });
  const admin = systemContext(new Date().toISOString(), 'sla-bench-organisation');
  const write = async (plural: string, code: string, fields: Record<string, unknown>) => {
    try {
      await masterData.write(admin, plural, 'register', code, fields);
    } catch (error) {
      const issues = (error as { issues?: unknown }).issues;
      throw new Error(`${plural} ${code}: ${(error as Error).message} ${JSON.stringify(issues ?? [])}`, {
        cause: error,
      });
    }
  };
  const allDay = Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
      day,
      [{ from: '00:00', to: '00:00' }],
    ]),
  );
  await write('units', 'SLA-HQ', {
    name: 'Head office',
    type: 'head-office',
    country: 'IT',
    timeZone: 'Europe/Rome',
  });
  await write('units', UNIT_CODE, {
    name: 'Bench service centre',
    type: 'service-centre',
    parentCode: 'SLA-HQ',
    country: 'IT',
    timeZone: 'Europe/Rome',
  });
  await write('zones', 'SLA-ZONE', { name: 'Bench zone', unitCode: UNIT_CODE, postalCodes: ['201*'] });
  await write('customers', CUSTOMER_CODE, { name: 'Bench customer S.p.A.' });
  await write('sites', SITE_CODE, {
    name: 'Bench plant',
    customerCode: CUSTOMER_CODE,
    address: { city: 'Milano', postalCode: '20123', country: 'IT' },
    zoneCode: 'SLA-ZONE',
    timeZone: 'Europe/Rome',
  });
  await write('calendars', CALENDAR_CODE, {
    name: 'Round the clock',
    purpose: 'service-hours',
    timeZone: 'Europe/Rome',
    weeklyHours: allDay,
  });
  await write('contracts', CONTRACT_CODE, {
    name: 'Bench full service',
    customerCode: CUSTOMER_CODE,
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    serviceCalendarCode: CALENDAR_CODE,
    serviceLevels: [
      { priority: 'high', responseMinutes: RESPONSE_MINUTES, restorationMinutes: RESTORATION_MINUTES },
    ],
    slaThresholds: [...THRESHOLDS],
  });
  // Any recorded rule replaces the defaults: only openings notify, so the SLA alarms of the
  // lateness phase send nothing.
  await write('notification-rules', 'SLA-OPENED', {
    name: 'New requests to the desk',
    topic: 'request-opened',
    audiences: ['unit-dispatchers'],
    channels: ['inbox', 'email'],
  });

  const auth = new AuthService({
    events,
    reads,
    tokenSecret: 'sla-bench-secret-of-at-least-thirty-two-bytes',
    tokenTtlSeconds: 3600,
  });
  await auth.registerUser(
    { actor: ADMIN, at: new Date().toISOString(), correlationId: 'sla-bench-users' },
    {
      username: 'desk.sla',
      password: 'a-long-bench-password',
      displayName: 'Bench desk',
      role: 'dispatcher',
      binding: { unitCode: UNIT_CODE },
      language: 'en',
      email: DISPATCHER_EMAIL,
    },
  );

  // The follower reads the contract and calendar, the notifier the rule and the user.
  const deadline = Date.now() + 30_000;
  const ready = async () =>
    (await reads.collection<MasterDataDocument>(masterDataCollection('contract')).get(CONTRACT_CODE)) !==
      null &&
    (await reads
      .collection<MasterDataDocument>(masterDataCollection('notification-rule'))
      .get('SLA-OPENED')) !== null &&
    (await reads.collection(USERS_COLLECTION).count({})) >= 1;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('the organisation did not reach the read models within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
