import type {
  Agenda,
  AgendaEntry,
  History,
  InterventionSheet,
  ServiceRequestDetail,
  ServiceRequestList,
  TimelineEntry,
  serviceRequestListQuerySchema,
} from '@fieldstream/api-contract';
import {
  type Calendar,
  PARAMETERS_CODE,
  type Parameters,
  type Principal,
  type Site,
} from '@fieldstream/domain';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  SERVICE_REQUEST_TIMELINE_COLLECTION,
  type ServiceRequestDocument,
  type ServiceRequestTimelineDocument,
  TECHNICIAN_AGENDA_COLLECTION,
  type TechnicianAgendaDocument,
  queryTerms,
} from '@fieldstream/projections';
import type { Filter, ReadStore, Sort } from '@fieldstream/read-store';
import type { z } from 'zod';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../../errors';
import type { MasterDataService } from '../../master-data/master-data.service';
import { oneCopyPerAppointment } from './agenda-appointments';
import { interventionSheetOf } from './intervention-sheet';
import { namesOf, recordOf, recordsOf } from './master-data-names';
import { summariseRecordChange } from './record-change-summary';
import { isWithinReach, reachFilter, refuseCustomer, requestReach } from './service-request-access';
import {
  type RequestNames,
  loadRequestNames,
  toDetail,
  toIntervention,
  toSummary,
} from './service-request-views';
import { addressLine } from './site-address';
import { describeTimelineEvent, techniciansNamedIn } from './timeline-wording';
import { DEFAULT_TIME_ZONE, type WordingLanguage } from './wording-vocabulary';
import { requestNotFound } from '../commands/request-stream';

export type ServiceRequestListQuery = z.output<typeof serviceRequestListQuerySchema>;

export interface ServiceRequestQueriesOptions {
  reads: ReadStore;
  masterData: MasterDataService;
}

/**
 * The to-do list's orders. `_id` last, so that equal keys page the same way every time. Mongo's
 * order puts requests without a planned start before the planned ones: what still needs a plan
 * comes first.
 */
const SORTS: Readonly<Record<ServiceRequestListQuery['sort'], Sort>> = {
  priority: { priorityRank: 1, openedAt: 1, _id: 1 },
  openedAt: { openedAt: 1, _id: 1 },
  '-openedAt': { openedAt: -1, _id: -1 },
  updatedAt: { updatedAt: 1, _id: 1 },
  '-updatedAt': { updatedAt: -1, _id: -1 },
  plannedStart: { plannedStart: 1, priorityRank: 1, _id: 1 },
};

const HISTORY_LIMIT = 200;
/** More than any real request has; a bound so that one read can never load a runaway stream whole. */
const TIMELINE_LIMIT = 10_000;
/** Of one technician over at most 62 days (the API's bound): a generous ceiling, never reached. */
const AGENDA_LIMIT = 5_000;

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const oneOrAny = <T>(values: T[]): T | { $in: T[] } => (values.length === 1 ? values[0]! : { $in: values });

function instantOf(value: string, field: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new FieldValidationError(`${field} must be an ISO 8601 date-time`, [
      { field, code: 'invalid_time', message: 'An ISO 8601 date-time with its zone' },
    ]);
  }
  return new Date(ms).toISOString();
}

/**
 * The service requests' read side: the desk's to-do list, a request with its timeline told in
 * words, technicians' agendas, assets' and sites' histories and the technician's intervention
 * sheet. Every answer comes from the read models; access is decided per principal (see
 * `requestReach`), and a request out of reach answers exactly like a missing one.
 */
export class ServiceRequestQueries {
  constructor(private readonly options: ServiceRequestQueriesOptions) {}

  private get reads(): ReadStore {
    return this.options.reads;
  }

  private requests() {
    return this.reads.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION);
  }

  async list(principal: Principal, query: ServiceRequestListQuery): Promise<ServiceRequestList> {
    refuseCustomer(principal);
    const reach = await requestReach(this.reads, principal);
    const conditions: Filter[] = [];
    const scope = reachFilter(reach);
    if (scope) conditions.push(scope);
    const statuses = asArray(query.status);
    if (statuses.length > 0) conditions.push({ status: oneOrAny(statuses) });
    const priorities = asArray(query.priority);
    if (priorities.length > 0) conditions.push({ priority: oneOrAny(priorities) });
    for (const field of [
      'zoneCode',
      'unitCode',
      'source',
      'customerCode',
      'siteCode',
      'assetCode',
    ] as const) {
      const value = query[field];
      if (value !== undefined) conditions.push({ [field]: value });
    }
    if (query.technicianCode !== undefined) conditions.push({ technicianCodes: query.technicianCode });
    for (const term of queryTerms(query.q ?? '')) conditions.push({ searchTerms: term });
    const where: Filter =
      conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : { $and: conditions };
    const [documents, total] = await Promise.all([
      this.requests().find(where, {
        sort: SORTS[query.sort],
        skip: query.offset,
        limit: query.limit,
        projection: { searchTerms: 0 },
      }),
      this.requests().count(where),
    ]);
    const names = await loadRequestNames(this.reads, documents);
    return {
      items: documents.map((document) => toSummary(document, names)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(principal: Principal, requestId: string): Promise<ServiceRequestDetail> {
    const document = await this.visibleRequest(principal, requestId);
    return toDetail(document, await loadRequestNames(this.reads, [document]));
  }

  /** The request's events in order, each told in `language` with times in the site's zone. */
  async timeline(
    principal: Principal,
    requestId: string,
    language: WordingLanguage,
  ): Promise<TimelineEntry[]> {
    const document = await this.visibleRequest(principal, requestId);
    const [entries, site, parameters] = await Promise.all([
      this.reads
        .collection<ServiceRequestTimelineDocument>(SERVICE_REQUEST_TIMELINE_COLLECTION)
        .find({ requestId }, { sort: { revision: 1 }, limit: TIMELINE_LIMIT }),
      recordOf<Site>(this.reads, 'site', document.siteCode),
      recordOf<Parameters>(this.reads, 'parameters', PARAMETERS_CODE),
    ]);
    const technicianCodes = entries.flatMap((entry) => techniciansNamedIn(entry));
    const conditionCodes = entries.flatMap((entry) =>
      typeof entry.data['conditionCode'] === 'string' ? [entry.data['conditionCode']] : [],
    );
    const [technicians, conditions] = await Promise.all([
      namesOf(this.reads, 'technician', technicianCodes),
      namesOf(this.reads, 'condition', conditionCodes),
    ]);
    const context = {
      language,
      timeZone: site?.record.timeZone ?? DEFAULT_TIME_ZONE,
      technicianNames: Object.fromEntries(technicians),
      conditionNames: Object.fromEntries(conditions),
      renounceReasons: Object.fromEntries(
        (parameters?.record.renounceReasons ?? []).map((reason) => [reason.code, reason.label]),
      ),
    };
    return entries.map((entry) => {
      const wording = describeTimelineEvent(entry, entry.actorName, context);
      return {
        id: entry._id,
        revision: entry.revision,
        type: entry.type,
        at: entry.at,
        actor: { id: entry.actorId, name: entry.actorName, role: entry.actorRole },
        text: wording.text,
        ...(wording.why !== undefined && { why: wording.why }),
      };
    });
  }

  /**
   * A technician's appointments overlapping [from, to), one per appointment however many weekly
   * schedule streams hold it, each with the request it serves when the reader may see that request.
   */
  async agenda(principal: Principal, technicianCode: string, from: string, to: string): Promise<Agenda> {
    if (principal.role === 'customer' || principal.role === 'device') {
      throw new ForbiddenError(`A ${principal.role} may not read technicians' agendas`);
    }
    if (principal.role === 'technician' && principal.technicianCode !== technicianCode) {
      throw new NotFoundError(`There is no technician ${technicianCode}`, {
        kind: 'technician',
        id: technicianCode,
      });
    }
    const start = instantOf(from, 'from');
    const end = instantOf(to, 'to');
    // Also the scope check: a desk reaches the technicians of its units only.
    const technician = await this.options.masterData.get(principal, 'technicians', technicianCode);
    const calendarCode = technician.record['calendarCode'];
    const calendar =
      typeof calendarCode === 'string'
        ? await recordOf<Calendar>(this.reads, 'calendar', calendarCode)
        : null;

    const stored = await this.reads
      .collection<TechnicianAgendaDocument>(TECHNICIAN_AGENDA_COLLECTION)
      .find(
        { technicianCode, start: { $lt: end }, end: { $gt: start } },
        { sort: { start: 1, _id: 1 }, limit: AGENDA_LIMIT },
      );
    const appointments = oneCopyPerAppointment(stored);

    const reach = await requestReach(this.reads, principal);
    const requestIds = [...new Set(appointments.map((a) => a.requestId))];
    const requests =
      requestIds.length === 0
        ? []
        : (
            await this.requests().find({ _id: { $in: requestIds } }, { projection: { searchTerms: 0 } })
          ).filter((request) => isWithinReach(reach, request));
    const byId = new Map(requests.map((request) => [request._id, request]));
    const [names, sites] = await Promise.all([
      loadRequestNames(this.reads, requests),
      recordsOf(
        this.reads,
        'site',
        requests.map((r) => r.siteCode),
      ),
    ]);

    const entries: AgendaEntry[] = appointments.map((appointment) => {
      const request = byId.get(appointment.requestId);
      return {
        appointmentId: appointment.appointmentId,
        technicianCode: appointment.technicianCode,
        requestId: appointment.requestId,
        start: appointment.start,
        end: appointment.end,
        status: appointment.status,
        ...(request && { request: agendaRequest(request, names, sites, technicianCode) }),
      };
    });
    return {
      technicianCode,
      ...(typeof technician.record['name'] === 'string' && { technicianName: technician.record['name'] }),
      timeZone: calendar?.record.timeZone ?? DEFAULT_TIME_ZONE,
      from: start,
      to: end,
      entries,
    };
  }

  /** An asset's interventions (newest first) and the changes to its record. */
  async assetHistory(
    principal: Principal,
    assetCode: string,
    language: WordingLanguage = 'en',
  ): Promise<History> {
    return this.history(principal, 'assets', assetCode, { assetCode }, language);
  }

  /** A site's interventions (newest first) and the changes to its record. */
  async siteHistory(
    principal: Principal,
    siteCode: string,
    language: WordingLanguage = 'en',
  ): Promise<History> {
    return this.history(principal, 'sites', siteCode, { siteCode }, language);
  }

  /**
   * What a technician needs on site in one answer (see `interventionSheetOf`). Technicians read
   * the sheets of the requests they are, or were, working on only: the request's own reach.
   */
  async interventionSheet(
    principal: Principal,
    requestId: string,
    language: WordingLanguage,
  ): Promise<InterventionSheet> {
    const document = await this.visibleRequest(principal, requestId);
    return interventionSheetOf(this.reads, document, language);
  }

  private async history(
    principal: Principal,
    plural: 'assets' | 'sites',
    code: string,
    about: Filter,
    language: WordingLanguage,
  ): Promise<History> {
    refuseCustomer(principal);
    // The record's own read rules first: out of scope or missing is NotFound, a role that may not
    // read the kind at all is Forbidden.
    const changes = await this.options.masterData.history(principal, plural, code);
    const scope = reachFilter(await requestReach(this.reads, principal));
    const documents = await this.requests().find(scope ? { $and: [about, scope] } : about, {
      sort: { openedAt: -1, _id: -1 },
      limit: HISTORY_LIMIT,
      projection: { searchTerms: 0 },
    });
    const names = await loadRequestNames(this.reads, documents);
    return {
      code,
      interventions: documents.map((document) => toIntervention(document, names)),
      changes: [...changes].reverse().map((change) => ({
        at: change.at,
        type: change.type,
        actorName: change.actorName,
        summary: summariseRecordChange(change, language),
      })),
    };
  }

  /** The request if it exists and the principal may see it; otherwise the same NotFound. */
  private async visibleRequest(principal: Principal, requestId: string): Promise<ServiceRequestDocument> {
    refuseCustomer(principal);
    const document = await this.requests().findOne({ _id: requestId }, { projection: { searchTerms: 0 } });
    if (document && isWithinReach(await requestReach(this.reads, principal), document)) return document;
    throw requestNotFound(requestId);
  }
}

function agendaRequest(
  request: ServiceRequestDocument,
  names: RequestNames,
  sites: ReadonlyMap<string, MasterDataDocument>,
  technicianCode: string,
): NonNullable<AgendaEntry['request']> {
  const summary = toSummary(request, names);
  const site = sites.get(request.siteCode)?.record as Site | undefined;
  const address = addressLine(site?.address);
  return {
    reference: summary.reference,
    status: summary.status,
    priority: summary.priority,
    description: summary.description,
    customerCode: summary.customerCode,
    ...(summary.customerName !== undefined && { customerName: summary.customerName }),
    siteCode: summary.siteCode,
    ...(summary.siteName !== undefined && { siteName: summary.siteName }),
    ...(address !== undefined && { address }),
    ...(site?.location && { latitude: site.location.lat, longitude: site.location.lon }),
    ...(summary.assetCode !== undefined && { assetCode: summary.assetCode }),
    ...(summary.assetName !== undefined && { assetName: summary.assetName }),
    crew: summary.assignments
      .filter((assignment) => assignment.technicianCode !== technicianCode)
      .map((assignment) => assignment.technicianName ?? assignment.technicianCode),
  };
}
