import { deskRequestPath } from '../notifications/desk-request-path';
import {
  type AgendaFeedEvent,
  type Principal,
  type ServiceRequestPriority,
  type Site,
  serviceRequestReference,
} from '@fieldstream/domain';
import {
  FEED_APPOINTMENTS_COLLECTION,
  type FeedAppointmentDocument,
  SERVICE_REQUESTS_COLLECTION,
  type ServiceRequestDocument,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { findInBatches } from '../read-models/find-in-batches';
import { recordsOf } from '../service-requests/queries/master-data-names';
import { isWithinReach, requestReach } from '../service-requests/queries/service-request-access';
import { type RequestNames, loadRequestNames } from '../service-requests/queries/service-request-views';
import { addressLine } from '../service-requests/queries/site-address';
import {
  PRIORITY_LABELS,
  STATUS_LABELS,
  type WordingLanguage,
} from '../service-requests/queries/wording-vocabulary';
import type { FeedTechnician } from './feed-scope-access';
import { FEED_WORDS, type FeedWords, shortProblem } from './feed-wording';

/** More than a phone should hold: a big team's feed keeps the appointments nearest to today. */
export const MAX_FEED_EVENTS = 5_000;

/** RFC 5545 PRIORITY: 1 is the most urgent, 9 the least. */
const ICAL_PRIORITY: Readonly<Record<ServiceRequestPriority, number>> = {
  critical: 1,
  high: 3,
  normal: 5,
  low: 7,
};

export interface FeedEventsRequest {
  reads: ReadStore;
  /** Whose eyes the feed is: the requests it words are those the owner reaches. */
  owner: Principal;
  feedId: string;
  technicians: readonly FeedTechnician[];
  window: { from: string; to: string };
  now: Date;
  language: WordingLanguage;
  /** A team's feed names the technician first. */
  team: boolean;
  /** The desk's address, for each event's link; none without it. */
  publicUrl: string | null;
}

interface Context {
  request: FeedEventsRequest;
  words: FeedWords;
  names: RequestNames;
  sites: ReadonlyMap<string, { record: Site }>;
  technicians: ReadonlyMap<string, FeedTechnician>;
}

const SEPARATOR = ' · ';

function statusOf(appointment: FeedAppointmentDocument): AgendaFeedEvent['status'] {
  if (appointment.status === 'cancelled') return 'cancelled';
  // Reserved: the booking's second step has not confirmed it (yet); suspended: an emergency took its time.
  return appointment.status === 'confirmed' ? 'confirmed' : 'tentative';
}

function deskLink(context: Context, requestId: string): string | undefined {
  const { publicUrl, owner } = context.request;
  if (!publicUrl) return undefined;
  // A technician opens the intervention sheet; the office, the request's page.
  return new URL(deskRequestPath(owner.role, requestId), publicUrl).toString();
}

function describe(
  context: Context,
  appointment: FeedAppointmentDocument,
  request: ServiceRequestDocument,
  site: Site | undefined,
): string {
  const { words, names } = context;
  const language = context.request.language;
  const customer = names.customers.get(request.customerCode) ?? request.customerCode;
  const siteName = names.sites.get(request.siteCode) ?? request.siteCode;
  const assetName = request.assetCode ? names.assets.get(request.assetCode) : undefined;
  const asset = assetName ? `${assetName} (${request.assetCode})` : request.assetCode;
  const contact = request.contact ?? site?.contacts[0];
  const crew = [
    ...new Set(
      request.assignments
        .map((assignment) => assignment.technicianCode)
        .filter((code) => code !== appointment.technicianCode),
    ),
  ].map((code) => names.technicians.get(code) ?? code);
  const link = deskLink(context, request._id);
  const lines = [
    [
      `${words.request} ${request.reference}`,
      `${words.priority}: ${PRIORITY_LABELS[language][request.priority]}`,
      STATUS_LABELS[language][request.status],
    ].join(SEPARATOR),
    `${words.customer}: ${customer}`,
    `${words.site}: ${[siteName, addressLine(site?.address)].filter(Boolean).join(', ')}`,
    asset && `${words.asset}: ${asset}`,
    contact && `${words.contact}: ${[contact.name, contact.phone, contact.email].filter(Boolean).join(', ')}`,
    site?.accessNotes && `${words.access}: ${site.accessNotes}`,
    crew.length > 0 && `${words.crew}: ${crew.join(', ')}`,
    '',
    request.description,
    link && `\n${words.open}: ${link}`,
  ];
  return lines.filter((line): line is string => typeof line === 'string').join('\n');
}

function feedEvent(
  context: Context,
  appointment: FeedAppointmentDocument,
  request: ServiceRequestDocument | undefined,
): AgendaFeedEvent {
  const { words, names, request: asked } = context;
  const technician = context.technicians.get(appointment.technicianCode);
  const site = request ? context.sites.get(request.siteCode)?.record : undefined;
  const status = statusOf(appointment);
  // A request out of the owner's reach is shown as busy time, as on the board; but a technician's
  // own appointment keeps its reference (derived from the id alone), so a cancelled job is recognised.
  const own = asked.owner.role === 'technician' && asked.owner.technicianCode === appointment.technicianCode;
  const what = request
    ? `${request.reference}${SEPARATOR}${names.customers.get(request.customerCode) ?? request.customerCode} — ${shortProblem(request.description)}`
    : own
      ? serviceRequestReference(appointment.requestId)
      : words.busy;
  const flag =
    status === 'cancelled'
      ? `${words.cancelled}: `
      : appointment.status === 'suspended'
        ? `${words.onHold}: `
        : '';
  const who = asked.team ? `${technician?.name ?? appointment.technicianCode}: ` : '';
  const lastModified =
    request && request.updatedAt > appointment.updatedAt ? request.updatedAt : appointment.updatedAt;
  const siteName = request ? (names.sites.get(request.siteCode) ?? request.siteCode) : undefined;
  const location = [siteName, addressLine(site?.address)].filter(Boolean).join(', ');
  const url = request && deskLink(context, request._id);
  return {
    // Per feed: a phone subscribed to a technician's feed and their team's shows both calendars,
    // and some clients merge events sharing a UID across calendars.
    uid: `${appointment._id}.${asked.feedId}@fieldstream`,
    start: appointment.start,
    end: appointment.end,
    timeZone: site?.timeZone ?? technician?.timeZone ?? 'UTC',
    status,
    sequence: appointment.sequence,
    created: appointment.createdAt,
    lastModified,
    summary: `${who}${flag}${what}`,
    ...(location && { location }),
    ...(request && { description: describe(context, appointment, request, site) }),
    ...(site?.location && { geo: { latitude: site.location.lat, longitude: site.location.lon } }),
    ...(url && { url }),
    ...(request && { priority: ICAL_PRIORITY[request.priority] }),
  };
}

/** The appointments nearest to now when there are too many, in order of start. */
function nearestToNow(appointments: FeedAppointmentDocument[], now: Date): FeedAppointmentDocument[] {
  if (appointments.length > MAX_FEED_EVENTS) {
    const distance = (a: FeedAppointmentDocument) => Math.abs(Date.parse(a.start) - now.getTime());
    appointments = [...appointments].sort((a, b) => distance(a) - distance(b)).slice(0, MAX_FEED_EVENTS);
  }
  return appointments.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0,
  );
}

/**
 * The VEVENTs of a feed: every appointment of its technicians overlapping the window, cancelled
 * ones included, each worded with its request when the owner reaches that request (else as a
 * bare appointment, like the board shows a technician lent to another centre).
 */
export async function loadFeedEvents(asked: FeedEventsRequest): Promise<AgendaFeedEvent[]> {
  const { reads, technicians, window } = asked;
  if (technicians.length === 0) return [];
  const [stored, reach] = await Promise.all([
    findInBatches(
      reads.collection<FeedAppointmentDocument>(FEED_APPOINTMENTS_COLLECTION),
      'technicianCode',
      technicians.map((technician) => technician.code),
      { start: { $lt: window.to }, end: { $gt: window.from } },
    ),
    requestReach(reads, asked.owner),
  ]);
  const appointments = nearestToNow(stored, asked.now);
  const requests = (
    await findInBatches(
      reads.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION),
      '_id',
      appointments.map((appointment) => appointment.requestId),
      {},
      { projection: { searchTerms: 0 } },
    )
  ).filter((request) => isWithinReach(reach, request));
  const [names, sites] = await Promise.all([
    loadRequestNames(reads, requests),
    recordsOf(
      reads,
      'site',
      requests.map((request) => request.siteCode),
    ),
  ]);
  const context: Context = {
    request: asked,
    words: FEED_WORDS[asked.language],
    names,
    sites: sites as unknown as ReadonlyMap<string, { record: Site }>,
    technicians: new Map(technicians.map((technician) => [technician.code, technician])),
  };
  const byId = new Map(requests.map((request) => [request._id, request]));
  return appointments.map((appointment) => feedEvent(context, appointment, byId.get(appointment.requestId)));
}
