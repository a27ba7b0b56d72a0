import { EVENT_CATEGORY_NAMES, type EventCategoryName } from '@fieldstream/api-contract';
import {
  DELIVERY_STREAM_PREFIX,
  INBOX_STREAM_PREFIX,
  WEBHOOK_SUBSCRIPTION_STREAM_PREFIX,
  notificationEndpointsStreamName,
} from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { apiKeyStreamName, userStreamName } from '../commands/stream-names';
import { importStreamName } from '../import/import-events';
import { APPOINTMENT_EVENTS } from './categories/appointment-events';
import { DEVICE_EVENTS } from './categories/device-events';
import { ESCALATION_EVENTS } from './categories/escalation-events';
import { MASTER_DATA_EVENTS } from './categories/master-data-events';
import { PREVENTIVE_EVENTS } from './categories/preventive-events';
import { SERVICE_LEVEL_EVENTS } from './categories/service-level-events';
import { SERVICE_REQUEST_EVENTS } from './categories/service-request-events';
import { STOCK_EVENTS } from './categories/stock-events';
import { type PublishedEventType, isStreamOf, mayShareStreams } from './published-event-type';

/** The version of the catalogue as a whole: a type added is a minor version, one withdrawn a major. */
export const EVENT_CATALOGUE_VERSION = '1.0.0';

export interface EventCategory {
  name: EventCategoryName;
  title: string;
  description: string;
  /** CloudEvents `source` of its events. */
  source: string;
  /** Its streams: names starting with one of these. */
  streamPrefixes: string[];
  types: readonly PublishedEventType[];
}

const CATEGORIES: Record<
  EventCategoryName,
  { title: string; description: string; types: readonly PublishedEventType[] }
> = {
  'service-requests': {
    title: 'Service requests',
    description: 'Each request’s life from opening to closing: acceptance, planning, work on site, closure.',
    types: SERVICE_REQUEST_EVENTS,
  },
  'service-levels': {
    title: 'Service levels',
    description:
      'Each request’s response and restoration clocks under its contract: alarms, breaches, outcomes.',
    types: SERVICE_LEVEL_EVENTS,
  },
  escalations: {
    title: 'Escalations',
    description: 'Alarms escalated along a contract’s chain, and who took them in hand.',
    types: ESCALATION_EVENTS,
  },
  appointments: {
    title: 'Appointments',
    description: 'The bookings in technicians’ schedules behind each request’s planned slots.',
    types: APPOINTMENT_EVENTS,
  },
  stock: {
    title: 'Stock',
    description: 'Movements of items in warehouses and technicians’ vans.',
    types: STOCK_EVENTS,
  },
  preventive: {
    title: 'Preventive maintenance',
    description: 'Assets’ meter readings and the preventive planner’s runs.',
    types: PREVENTIVE_EVENTS,
  },
  'master-data': {
    title: 'Master data',
    description:
      'The organisation’s records (units, zones, technicians, customers, sites, assets, contracts, items, warehouses, calendars, rules...): registered, changed, retired, reinstated.',
    types: MASTER_DATA_EVENTS,
  },
  devices: {
    title: 'Devices',
    description:
      'What machines report about themselves (one stream per asset): anomalies raised, repeated and cleared, states, heartbeats, silences, and the requests their trouble opened.',
    types: DEVICE_EVENTS,
  },
};

/**
 * What integrators may read of the log: these categories and nothing else. A stream or a type not
 * listed here is never published, whatever it holds; see NEVER_PUBLISHED_STREAM_PREFIXES.
 */
export const EVENT_CATALOGUE: readonly EventCategory[] = EVENT_CATEGORY_NAMES.map((name) => ({
  name,
  title: CATEGORIES[name].title,
  description: CATEGORIES[name].description,
  source: `/fieldstream/${name}`,
  streamPrefixes: [...new Set(CATEGORIES[name].types.map((type) => type.streamPrefix))],
  types: CATEGORIES[name].types,
}));

/**
 * Streams holding secrets or what concerns one person only: accounts (password hashes, sessions),
 * API keys (secret hashes), notification endpoints (webhook secrets, push keys), inboxes, the
 * delivery log (addresses and messages), imports (the files' rows), calendar feeds, integrators' webhook
 * subscriptions (their signing secrets). No published prefix may match
 * any of them, checked when this module loads and by its spec.
 */
export const NEVER_PUBLISHED_STREAM_PREFIXES: readonly string[] = [
  userStreamName(''),
  apiKeyStreamName(''),
  notificationEndpointsStreamName(''),
  INBOX_STREAM_PREFIX,
  DELIVERY_STREAM_PREFIX,
  importStreamName(''),
  // A user's calendar feeds: each feed's secret (hashed) and which clients fetch it.
  'calendar-feeds-',
  WEBHOOK_SUBSCRIPTION_STREAM_PREFIX,
];

const ALL_TYPES = EVENT_CATALOGUE.flatMap((category) => category.types);
const BY_STORED_TYPE = new Map(ALL_TYPES.map((type) => [type.storedType, type]));
const BY_CLOUD_EVENT_TYPE = new Map(ALL_TYPES.map((type) => [type.cloudEventType, type]));

function assertCatalogueSound(): void {
  if (BY_STORED_TYPE.size !== ALL_TYPES.length || BY_CLOUD_EVENT_TYPE.size !== ALL_TYPES.length)
    throw new Error('The event catalogue lists a stored or a CloudEvents type twice');
  for (const type of ALL_TYPES) {
    const clash = NEVER_PUBLISHED_STREAM_PREFIXES.find((secret) => mayShareStreams(type, secret));
    if (clash !== undefined)
      throw new Error(`The event catalogue would publish ${type.storedType} from ${clash} streams`);
  }
}
assertCatalogueSound();

export function publishedEventTypes(): readonly PublishedEventType[] {
  return ALL_TYPES;
}

export function publishedTypeByCloudEventType(type: string): PublishedEventType | undefined {
  return BY_CLOUD_EVENT_TYPE.get(type);
}

/**
 * The published type of a recorded event, or undefined when it is not published: its type must be
 * catalogued and its stream one of that type's streams (the same type name written to another
 * stream is not the catalogued event).
 */
export function publishedTypeOf(event: RecordedEvent): PublishedEventType | undefined {
  const type = BY_STORED_TYPE.get(event.type);
  return type !== undefined && isStreamOf(type, event.streamName) ? type : undefined;
}
