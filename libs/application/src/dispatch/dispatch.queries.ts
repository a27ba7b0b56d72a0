import type { ProposalAnswer, RequestProposalQuery, WhatIfProposalBody } from '@fieldstream/api-contract';
import {
  type Calendar,
  type CalendarLayer,
  type Condition,
  type MasterDataKindName,
  DEFAULT_PROPOSAL_SETTINGS,
  type Principal,
  type ProposalJob,
  type ProposalSettings,
  type RequiredSkill,
  type Site,
  proposeCrews,
  proposeTechnicians,
} from '@fieldstream/domain';
import type { MasterDataDocument } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { calendarLayerOf } from '../availability/calendar-layers';
import type { MasterDataService } from '../master-data/master-data.service';
import { recordOf, recordsOf } from '../service-requests/queries/master-data-names';
import { loadDispatchCandidates } from './dispatch-candidates';
import { plannedRequest, requirePlanner } from './planning-access';
import { planningParameters } from './planning-parameters';
import { restorationDeadline } from './restoration-deadline';
import { proposalAnswerOf } from './proposal-answer';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A job with no condition saying how long it takes. */
const DEFAULT_DURATION_MINUTES = 60;
const DEFAULT_TIME_ZONE = 'Europe/Rome';

export interface DispatchQueriesOptions {
  reads: ReadStore;
  masterData: MasterDataService;
  /** The clock; a test's fixed one at the edge. */
  now?: () => Date;
}

/**
 * "Who can restore service, and when, and why", for a request or a what-if: the job is read from
 * the request, its site, conditions and covering contract; the candidates are the technicians the
 * principal reaches (see loadDispatchCandidates); the domain proposes. A planning question, so it
 * reads read models (a proposal is advice; the assignment is what the schedule streams decide).
 */
export class DispatchQueries {
  constructor(private readonly options: DispatchQueriesOptions) {}

  private get reads(): ReadStore {
    return this.options.reads;
  }

  /** `asked` as validated by the contract's schema (the API's pipe does it). */
  async forRequest(
    principal: Principal,
    requestId: string,
    asked: RequestProposalQuery = {},
  ): Promise<ProposalAnswer> {
    const request = await plannedRequest(this.reads, principal, requestId);
    const site = await this.record<Site>('site', request.siteCode);
    const timeZone = site?.record.timeZone ?? DEFAULT_TIME_ZONE;
    const deadline = await restorationDeadline(
      this.reads,
      { customerCode: request.customerCode, siteCode: request.siteCode, assetCode: request.assetCode },
      request.priority,
      request.openedAt,
      timeZone,
    );
    return this.propose(principal, {
      ...asked,
      requestId,
      siteCode: request.siteCode,
      site,
      conditionCodes: request.conditionCodes,
      extraSkills: [],
      priority: request.priority,
      ...(deadline !== undefined && { deadline }),
    });
  }

  /** `asked` as validated by the contract's schema (the API's pipe does it). */
  async whatIf(principal: Principal, asked: WhatIfProposalBody): Promise<ProposalAnswer> {
    requirePlanner(principal);
    // Also the scope check: a desk plans for the sites it reaches (404 like a missing one).
    const siteDocument = await this.options.masterData.get(principal, 'sites', asked.siteCode);
    const site = siteDocument as MasterDataDocument & { record: Site };
    // Asked from now unless a later start is given: the deadline counts from when it would open.
    const now = this.now();
    const opensAt = asked.notBefore === undefined ? now : Math.max(now, Date.parse(asked.notBefore));
    const deadline = await restorationDeadline(
      this.reads,
      {
        customerCode: site.record.customerCode,
        siteCode: asked.siteCode,
        ...(asked.assetCode !== undefined && { assetCode: asked.assetCode }),
      },
      asked.priority,
      new Date(opensAt).toISOString(),
      site.record.timeZone ?? DEFAULT_TIME_ZONE,
    );
    return this.propose(principal, {
      siteCode: asked.siteCode,
      site,
      conditionCodes: asked.conditionCodes,
      extraSkills: asked.requiredSkills,
      priority: asked.priority,
      ...(asked.durationMinutes !== undefined && { durationMinutes: asked.durationMinutes }),
      ...(asked.notBefore !== undefined && { notBefore: asked.notBefore }),
      ...(asked.horizonDays !== undefined && { horizonDays: asked.horizonDays }),
      ...(deadline !== undefined && { deadline }),
    });
  }

  private async propose(
    principal: Principal,
    ask: RequestProposalQuery & {
      requestId?: string;
      siteCode: string;
      site: (MasterDataDocument & { record: Site }) | null;
      conditionCodes: readonly string[];
      extraSkills: readonly RequiredSkill[];
      priority: ProposalAnswer['job']['priority'];
      deadline?: number;
    },
  ): Promise<ProposalAnswer> {
    const [conditions, parameters, accessLayers] = await Promise.all([
      this.records<Condition>('condition', ask.conditionCodes),
      planningParameters(this.reads),
      this.accessLayers(ask.site),
    ]);
    const settings: ProposalSettings = {
      ...DEFAULT_PROPOSAL_SETTINGS,
      weights: parameters.proposalWeights,
      travel: { roadFactor: parameters.travelRoadFactor, speedKmh: parameters.travelSpeedKmh },
      gridMinutes: parameters.slotGridMinutes,
      horizonDays: ask.horizonDays ?? parameters.planningHorizonDays,
      alternatives: parameters.proposalAlternatives,
    };
    const notBefore = Math.max(this.now(), ask.notBefore ? Date.parse(ask.notBefore) : 0);
    const site = ask.site?.record;
    const job: ProposalJob = {
      site: {
        code: ask.siteCode,
        ...(site?.zoneCode !== undefined && { zoneCode: site.zoneCode }),
        ...(site?.location !== undefined && { location: site.location }),
        timeZone: site?.timeZone ?? DEFAULT_TIME_ZONE,
        accessLayers,
      },
      requiredSkills: requiredSkillsOf(conditions, ask.extraSkills),
      durationMinutes:
        ask.durationMinutes ??
        (conditions.reduce((sum, condition) => sum + condition.expectedMinutes, 0) ||
          DEFAULT_DURATION_MINUTES),
      materials: materialsOf(conditions),
      notBefore,
      ...(ask.deadline !== undefined && { deadline: ask.deadline }),
    };
    const horizonEnd = notBefore + settings.horizonDays * DAY;
    const { candidates, unitOf } = await loadDispatchCandidates(
      this.reads,
      principal,
      {
        // A day either side: the drive from an appointment the day before, a visit ending after the horizon.
        from: new Date(notBefore - DAY).toISOString(),
        to: new Date(horizonEnd + DAY).toISOString(),
      },
      {
        ...(ask.requestId !== undefined && { requestId: ask.requestId }),
        itemCodes: job.materials.map((material) => material.itemCode),
      },
    );
    return proposalAnswerOf({
      ...(ask.requestId !== undefined && { requestId: ask.requestId }),
      job,
      priority: ask.priority,
      horizonEnd,
      weights: settings.weights,
      proposals: proposeTechnicians(job, candidates, settings),
      crews: proposeCrews(job, candidates, settings),
      unitOf,
    });
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private async accessLayers(site: (MasterDataDocument & { record: Site }) | null): Promise<CalendarLayer[]> {
    const code = site?.record.accessCalendarCode;
    if (!code) return [];
    const calendar = await this.record<Calendar>('calendar', code);
    return calendar
      ? [calendarLayerOf(`${site.record.name}: ${calendar.record.name}`, calendar.record as never)]
      : [];
  }

  /** An active record (a retired one plans nothing). */
  private async record<R>(
    kind: MasterDataKindName,
    code: string,
  ): Promise<(MasterDataDocument & { record: R }) | null> {
    const document = await recordOf<R>(this.reads, kind, code);
    return document?.status === 'active' ? document : null;
  }

  private async records<R>(kind: MasterDataKindName, codes: readonly string[]): Promise<R[]> {
    const documents = await recordsOf(this.reads, kind, codes);
    return [...documents.values()]
      .filter((document) => document.status === 'active')
      .map((document) => document.record as unknown as R);
  }
}

/** Every skill the conditions need, and those asked beyond them, each at the highest level asked. */
function requiredSkillsOf(
  conditions: readonly Condition[],
  extra: readonly RequiredSkill[],
): RequiredSkill[] {
  const levels = new Map<string, number>();
  for (const condition of conditions)
    for (const skillCode of condition.requiredSkillCodes)
      levels.set(skillCode, Math.max(levels.get(skillCode) ?? 1, 1));
  for (const skill of extra)
    levels.set(skill.skillCode, Math.max(levels.get(skill.skillCode) ?? 1, skill.minLevel));
  return [...levels].map(([skillCode, minLevel]) => ({ skillCode, minLevel }));
}

function materialsOf(conditions: readonly Condition[]): { itemCode: string; quantity: number }[] {
  const quantities = new Map<string, number>();
  for (const condition of conditions)
    for (const material of condition.materials)
      quantities.set(material.itemCode, (quantities.get(material.itemCode) ?? 0) + material.quantity);
  return [...quantities].map(([itemCode, quantity]) => ({ itemCode, quantity }));
}
