import {
  type RequestServiceLevel,
  SERVICE_REQUEST_PRIORITY_VALUES,
  SLA_AT_RISK_LIMIT,
  type SlaDashboard,
  type SlaDashboardQuery,
  type SlaStandingCounts,
} from '@fieldstream/api-contract';
import { PARAMETERS_CODE, type Parameters, type Principal, isInScope } from '@fieldstream/domain';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  SLA_OUTCOMES_COLLECTION,
  SLA_REQUESTS_COLLECTION,
  type ServiceRequestDocument,
  type SlaRequestDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import type { Filter, Projection, ReadDocument, ReadStore } from '@fieldstream/read-store';
import { unitsUnder } from '../../access/units-under';
import { ForbiddenError } from '../../errors';
import type { MasterDataService } from '../../master-data/master-data.service';
import { findInBatches } from '../../read-models/find-in-batches';
import { requestNotFound } from '../../service-requests/commands/request-stream';
import { namesOf, recordOf } from '../../service-requests/queries/master-data-names';
import {
  isWithinReach,
  reachFilter,
  refuseCustomer,
  requestReach,
} from '../../service-requests/queries/service-request-access';
import {
  RUNNING_SLA_ROW_FIELDS,
  type RunningSlaRow,
  SLA_OUTCOME_ROW_FIELDS,
  type SlaOutcomeRow,
  atRiskRows,
  countStandings,
  dailyFigures,
  noStandings,
} from './sla-dashboard-figures';
import { dashboardPeriod, daysOf } from './sla-dashboard-period';

export interface ServiceLevelQueriesOptions {
  reads: ReadStore;
  masterData: MasterDataService;
  /** The clock (the dashboard's default period and `generatedAt`): the world's edge, a test's own. */
  now?: () => Date;
}

/** Said of a request whose service-level stream the worker has not started yet (it lags a moment). */
export const SLA_NOT_KNOWN_YET =
  'Not known yet: the service levels are worked out moments after the request opens';

/** Who watches service levels across requests: managers, the desk, auditors, administrators. */
const DASHBOARD_READERS: ReadonlySet<Principal['role']> = new Set([
  'admin',
  'manager',
  'auditor',
  'dispatcher',
]);

/** The fields of the request document that decide who reads it (as the request's own detail does). */
const REACH_FIELDS = { _id: 1, reference: 1, scope: 1, assetCode: 1 } as const;

/** What the answer for one request is made of; the fold itself is left in the store but its status. */
const REQUEST_LEVEL_FIELDS = {
  _id: 1,
  standing: 1,
  running: 1,
  contractCode: 1,
  contractName: 1,
  notApplicableReason: 1,
  pause: 1,
  clocks: 1,
  nextDeadline: 1,
  nextDeadlineClock: 1,
  penalty: 1,
  'state.status': 1,
} as const;

type RequestLevelDocument = Pick<
  SlaRequestDocument,
  | '_id'
  | 'standing'
  | 'running'
  | 'contractCode'
  | 'contractName'
  | 'notApplicableReason'
  | 'pause'
  | 'clocks'
  | 'nextDeadline'
  | 'nextDeadlineClock'
  | 'penalty'
> & { state: Pick<SlaRequestDocument['state'], 'status'> };

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The service levels' read side, from the `sla_requests` and `sla_outcomes` read models: one
 * request's clocks, for whoever may read the request, and the dashboard across the requests a
 * manager, a desk or an auditor oversees.
 */
export class ServiceLevelQueries {
  private readonly now: () => Date;

  constructor(private readonly options: ServiceLevelQueriesOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private get reads(): ReadStore {
    return this.options.reads;
  }

  /**
   * The request's standing and clocks. Readable by whoever reads the request itself (the same
   * reach as its detail: a technician those they work on...), and a request out of reach answers
   * exactly like a missing one; the service's own alarms are not the customer's (403). A request whose clocks the worker has not
   * followed yet answers `not-applicable` with SLA_NOT_KNOWN_YET as the reason, never a 404.
   */
  async forRequest(principal: Principal, requestId: string): Promise<RequestServiceLevel> {
    refuseCustomer(principal);
    const [request, level] = await Promise.all([
      this.reads
        .collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION)
        .findOne({ _id: requestId }, { projection: REACH_FIELDS }),
      this.reads
        .collection<SlaRequestDocument>(SLA_REQUESTS_COLLECTION)
        .findOne(
          { _id: requestId },
          { projection: REQUEST_LEVEL_FIELDS },
        ) as Promise<RequestLevelDocument | null>,
    ]);
    if (!request || !isWithinReach(await requestReach(this.reads, principal), request)) {
      throw requestNotFound(requestId);
    }
    if (!level || level.state?.status === 'none') {
      return {
        requestId,
        reference: request.reference,
        standing: 'not-applicable',
        running: false,
        notApplicableReason: SLA_NOT_KNOWN_YET,
        pause: null,
        clocks: [],
        nextDeadline: null,
        nextDeadlineClock: null,
        penalty: null,
      };
    }
    return {
      requestId,
      reference: request.reference,
      standing: level.standing,
      running: level.running,
      ...(level.contractCode !== undefined && { contractCode: level.contractCode }),
      ...(level.contractName !== undefined && { contractName: level.contractName }),
      ...(level.notApplicableReason !== undefined && { notApplicableReason: level.notApplicableReason }),
      pause: level.pause,
      clocks: level.clocks.map((clock) => {
        // A pause holds every running clock: no deadline nor alarm until the resume moves them
        // (the contract's promise; the read model keeps the last ones computed).
        const held = level.pause !== null && clock.stopped === null;
        return {
          clock: clock.clock,
          targetMinutes: clock.targetMinutes,
          startedAt: clock.startedAt,
          deadline: held ? null : clock.deadline,
          nextAlarm: held ? null : clock.nextAlarm,
          reachedPercent: clock.reachedPercent,
          breached: clock.breached,
          stopped: clock.stopped,
        };
      }),
      nextDeadline: level.nextDeadline,
      nextDeadlineClock: level.nextDeadlineClock,
      penalty: level.penalty,
    };
  }

  /**
   * The dashboard (`query` as validated by the contract's schema). Running requests in the reader's
   * reach (a centre's desk or manager: the units under theirs, as the to-do list), narrowed by the
   * filters: a unit covers the units below it. Filter codes are read as master data reads them, so
   * an unknown unit or zone, or one out of reach, is the same 404 as on its own page.
   *
   * Counting needs every running request in reach, read once with only the fields counted and
   * listed (no aggregation in the read-store port); the outcomes of the period likewise.
   */
  async dashboard(principal: Principal, query: SlaDashboardQuery): Promise<SlaDashboard> {
    if (!DASHBOARD_READERS.has(principal.role)) {
      throw new ForbiddenError(`A ${principal.role} does not oversee service levels`);
    }
    const now = this.now();
    const period = dashboardPeriod(query, now);
    const plan = await this.readPlan(principal, query);

    const [running, outcomes, parameters] = await Promise.all([
      // `by_running_deadline`, or `by_unit` for a centre's reader.
      this.read<RunningSlaRow>(SLA_REQUESTS_COLLECTION, { running: true }, RUNNING_SLA_ROW_FIELDS, plan),
      // `by_day`.
      this.read<SlaOutcomeRow>(
        SLA_OUTCOMES_COLLECTION,
        { day: { $gte: period.from, $lte: period.to } },
        SLA_OUTCOME_ROW_FIELDS,
        plan,
      ),
      recordOf<Parameters>(this.reads, 'parameters', PARAMETERS_CODE),
    ]);

    const {
      totals,
      groups: [byUnit, byZone, byPriority],
    } = countStandings(running, [(row) => row.unitCode, (row) => row.zoneCode, (row) => row.priority]);
    const atRisk = atRiskRows(running, SLA_AT_RISK_LIMIT);
    const [unitNames, zoneNames, customerNames, siteNames] = await Promise.all([
      namesOf(this.reads, 'unit', byUnit!.keys()),
      namesOf(this.reads, 'zone', byZone!.keys()),
      namesOf(
        this.reads,
        'customer',
        atRisk.map((row) => row.customerCode),
      ),
      namesOf(
        this.reads,
        'site',
        atRisk.map((row) => row.siteCode),
      ),
    ]);
    const priorityLabels = new Map(
      (parameters?.record.priorities ?? []).map((priority) => [priority.code, priority.label]),
    );

    return {
      generatedAt: now.toISOString(),
      period,
      totals,
      byUnit: namedGroups(byUnit!, unitNames),
      byZone: namedGroups(byZone!, zoneNames),
      // Every priority, in order of urgency, zeros included: a short, fixed axis.
      byPriority: SERVICE_REQUEST_PRIORITY_VALUES.map((code) => ({
        code,
        name: priorityLabels.get(code) ?? code,
        counts: byPriority!.get(code) ?? noStandings(),
      })),
      atRisk: atRisk.map((row) => {
        const clock = row.clocks.find((candidate) => candidate.clock === row.nextDeadlineClock);
        return {
          requestId: row._id,
          reference: row.reference,
          customerCode: row.customerCode,
          customerName: customerNames.get(row.customerCode) ?? row.customerCode,
          siteCode: row.siteCode,
          siteName: siteNames.get(row.siteCode) ?? row.siteCode,
          ...(row.unitCode !== undefined && { unitCode: row.unitCode }),
          ...(row.zoneCode !== undefined && { zoneCode: row.zoneCode }),
          priority: row.priority as SlaDashboard['atRisk'][number]['priority'],
          standing: row.standing as SlaDashboard['atRisk'][number]['standing'],
          clock: row.nextDeadlineClock!,
          deadline: row.nextDeadline!,
          reachedPercent: clock?.reachedPercent ?? null,
        };
      }),
      ...dailyFigures(daysOf(period), outcomes),
    };
  }

  /** How to read what the reader reaches under the filters, from either collection (same fields). */
  private async readPlan(principal: Principal, query: SlaDashboardQuery): Promise<ReadPlan> {
    const { masterData } = this.options;
    const [unit, zone, reach] = await Promise.all([
      query.unitCode === undefined ? undefined : masterData.get(principal, 'units', query.unitCode),
      query.zoneCode === undefined ? undefined : masterData.get(principal, 'zones', query.zoneCode),
      requestReach(this.reads, principal),
    ]);
    const filters: Filter[] = [];
    if (zone) filters.push({ zoneCode: zone.code });
    if (query.priority !== undefined) filters.push({ priority: query.priority });
    // Retired units too: the tree is the tree, and their requests still count.
    const under = unit
      ? unitsUnder(
          await this.reads
            .collection<MasterDataDocument>(masterDataCollection('unit'))
            .find({}, { projection: { _id: 1, 'record.parentCode': 1 } }),
          unit.code,
        )
      : undefined;
    if (reach.kind === 'scoped') {
      // Not the to-do list's scope filter: a centre's reach spells out its every site and customer
      // in one `$or` over arrays, which the embedded store answers by scanning (seconds on 100,000
      // requests). A routed request is in reach by its unit alone (its scope's first dimension),
      // read by `by_unit`; the few routed nowhere are judged one by one, as `isInScope` does.
      const { principal: reader, visible } = reach;
      return {
        filters,
        units: [...visible.units].filter((code) => !under || under.has(code)),
        ...(!under && { unrouted: (scope: SlaScope) => isInScope(reader, scope, visible) }),
      };
    }
    if (under) filters.push({ unitCode: { $in: [...under] } });
    const scope = reachFilter(reach);
    if (scope) filters.push(scope);
    return { filters };
  }

  private async read<T extends object>(
    name: string,
    base: Filter,
    fields: Projection,
    plan: ReadPlan,
  ): Promise<T[]> {
    const collection = this.reads.collection<ReadDocument & { scope: SlaScope }>(name);
    const where = { $and: [base, ...plan.filters] };
    if (!plan.units) return (await collection.find(where, { projection: fields })) as unknown as T[];
    const { unrouted } = plan;
    const [routed, unroutedRows] = await Promise.all([
      findInBatches(collection, 'unitCode', plan.units, where, { projection: fields }),
      unrouted
        ? collection.find(
            { $and: [where, { unitCode: { $exists: false } }] },
            { projection: { ...fields, scope: 1 } },
          )
        : [],
    ]);
    const judged = unroutedRows.filter((row) => unrouted!(row.scope)).map(({ scope: _scope, ...row }) => row);
    return [...routed, ...judged] as unknown as T[];
  }
}

type SlaScope = SlaRequestDocument['scope'];

/**
 * What the dashboard reads: the conditions on both collections and, for a centre's reader, the
 * units whose requests it reaches, plus a judge of the requests routed to no unit.
 */
interface ReadPlan {
  filters: Filter[];
  units?: string[];
  unrouted?: (scope: SlaScope) => boolean;
}

function namedGroups(
  counts: ReadonlyMap<string, SlaStandingCounts>,
  names: ReadonlyMap<string, string>,
): { code: string; name: string; counts: SlaStandingCounts }[] {
  return [...counts]
    .map(([code, standings]) => ({ code, name: names.get(code) ?? code, counts: standings }))
    .sort((a, b) => byName.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
