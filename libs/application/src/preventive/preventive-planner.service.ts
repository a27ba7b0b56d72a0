import {
  type CalendarLayer,
  type DueVisit,
  type MaintenancePlan,
  type MeterEvent,
  type Principal,
  calendarVisitsDue,
  meterDecider,
  meterStreamName,
  meterThresholdDue,
  preventiveReference,
} from '@fieldstream/domain';
import { randomUUID } from 'node:crypto';
import type { EventStore, JsonObject, RecordedEvent } from '@fieldstream/event-store';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { Temporal } from 'temporal-polyfill';
import { calendarLayerOf } from '../availability/calendar-layers';
import { type CommandContext, systemContext } from '../commands/command-context';
import { executeCommand } from '../commands/execute-command';
import { ForbiddenError, NotFoundError } from '../errors';
import type { ServiceRequestCommands } from '../service-requests/commands/service-request-commands.service';
import { siteClosedDay } from './site-closures';

/** What one run did, for the log and the planner's report. */
export type PreventiveRunReport = {
  at: string;
  plans: number;
  assets: number;
  /** Requests opened by this run. */
  opened: (DueVisit & { requestId: string })[];
  /** Visits in the window already opened by an earlier run. */
  alreadyOpen: number;
  /** Visits no open day could be found for within a month. */
  unplaceable: DueVisit[];
  /** Plans or assets skipped, and why (a retired asset, a site without zone...). */
  problems: string[];
};

export interface PreventivePlannerOptions {
  events: EventStore;
  reads: ReadStore;
  commands: ServiceRequestCommands;
  now?: () => Date;
}

type PlanDocument = { code: string; record: MaintenancePlan };
type AssetRecord = { code: string; modelCode: string; siteCode: string; customerCode: string };

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
/** The stream a month's preventive runs are reported in. */
export const preventiveRunsStream = (at: string) => `preventive-runs-${at.slice(0, 7)}`;

const SYSTEM: Principal = {
  id: 'preventive',
  displayName: 'Preventive maintenance',
  kind: 'user',
  role: 'admin',
};

/**
 * Opens preventive maintenance visits as requests (source "preventive"): calendar visits
 * `leadDays` ahead of their day (moved to the site's next open day), meter visits when a reading
 * reaches (or comes within `openBefore` of) a multiple of the plan's interval. Each visit's
 * request carries an external reference made of the plan, the asset and the visit, so whatever
 * runs twice — a run, a reading followed again — opens it once.
 */
export class PreventivePlanner {
  private readonly now: () => Date;

  constructor(private readonly options: PreventivePlannerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async run(): Promise<PreventiveRunReport> {
    const at = this.now();
    const report: PreventiveRunReport = {
      at: at.toISOString(),
      plans: 0,
      assets: 0,
      opened: [],
      alreadyOpen: 0,
      unplaceable: [],
      problems: [],
    };
    const plans = (await this.activePlans()).filter((plan) => plan.record.calendar);
    report.plans = plans.length;
    const sites = new Map<string, Awaited<ReturnType<PreventivePlanner['siteOf']>>>();
    for (const plan of plans) {
      for (const asset of await this.assetsOf(plan.record)) {
        report.assets++;
        let site = sites.get(asset.siteCode);
        if (!site) {
          site = await this.siteOf(asset.siteCode);
          sites.set(asset.siteCode, site);
        }
        if (!site) {
          report.problems.push(`${plan.code}: asset ${asset.code} stands at unknown site ${asset.siteCode}`);
          continue;
        }
        const today = Temporal.Instant.fromEpochMilliseconds(at.getTime())
          .toZonedDateTimeISO(site.timeZone)
          .toPlainDate()
          .toString();
        const { due, unplaceable } = calendarVisitsDue(plan, asset.code, site, today);
        report.unplaceable.push(...unplaceable);
        for (const visit of due) {
          const opened = await this.open(plan, asset, visit);
          if (opened.created) report.opened.push({ ...visit, requestId: opened.requestId });
          else report.alreadyOpen++;
        }
      }
    }
    return report;
  }

  /**
   * A run, recorded when it did something a planner should read (opened, moved or could not place
   * a visit, or met a problem) as a `PreventiveRunCompleted` event in the month's report stream.
   */
  async runAndReport(): Promise<PreventiveRunReport> {
    const report = await this.run();
    if (report.opened.length + report.unplaceable.length + report.problems.length === 0) return report;
    await this.options.events.appendToStream(preventiveRunsStream(report.at), [
      {
        id: randomUUID(),
        type: 'PreventiveRunCompleted',
        data: report as unknown as JsonObject,
        metadata: {
          correlationId: `preventive-run-${report.at}`,
          causationId: `preventive-run-${report.at}`,
          actorId: SYSTEM.id,
          actorRole: 'system',
          occurredAt: report.at,
        },
      },
    ]);
    return report;
  }

  /** A meter reading, recorded on the asset's meter stream (from a technician, the desk, a device). */
  async recordReading(
    principal: Principal,
    assetCode: string,
    reading: { meter: string; value: number; at?: string },
    context?: Partial<CommandContext>,
  ): Promise<{ recorded: boolean }> {
    if (!['admin', 'dispatcher', 'technician', 'device', 'integrator'].includes(principal.role)) {
      throw new ForbiddenError('Meter readings come from technicians, the desk, devices and integrations');
    }
    if (principal.role === 'device' && !(principal.assetCodes ?? []).includes(assetCode)) {
      throw new ForbiddenError('A device reports for its own asset only');
    }
    const asset = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('asset'))
      .get(assetCode);
    if (!asset || asset.status !== 'active')
      throw new NotFoundError(`No asset ${assetCode}`, { kind: 'asset', id: assetCode });
    const at = this.now().toISOString();
    const outcome = await executeCommand(
      this.options.events,
      meterStreamName(assetCode),
      meterDecider,
      {
        type: 'record',
        assetCode,
        meter: reading.meter,
        value: reading.value,
        at: reading.at ?? at,
        source:
          principal.role === 'device'
            ? 'device'
            : principal.role === 'technician'
              ? 'technician'
              : principal.role === 'integrator'
                ? 'integration'
                : 'desk',
      },
      { actor: principal, at, correlationId: context?.correlationId ?? `reading-${assetCode}`, ...context },
    );
    return { recorded: outcome.events.length > 0 };
  }

  /** Follows a meter reading: opens the visit a meter plan calls for, if any. */
  async onReading(recorded: RecordedEvent): Promise<DueVisit[]> {
    if (recorded.type !== 'MeterReadingRecorded') return [];
    const reading = recorded.data as MeterEvent['data'];
    const asset = await this.assetRecord(reading.assetCode);
    if (!asset) return [];
    const opened: DueVisit[] = [];
    for (const plan of await this.activePlans()) {
      const rule = plan.record.meter;
      if (!rule || rule.meter !== reading.meter) continue;
      if (
        !plan.record.assetCodes.includes(asset.code) &&
        !plan.record.assetModelCodes.includes(asset.modelCode)
      )
        continue;
      const threshold = meterThresholdDue(rule, reading.value);
      if (threshold === undefined) continue;
      const visit: DueVisit = {
        planCode: plan.code,
        assetCode: asset.code,
        occurrence: `${rule.meter}-${threshold}`,
        dueOn: reading.at.slice(0, 10),
      };
      const result = await this.open(
        plan,
        asset,
        visit,
        `${reading.value} ${rule.meter} read on ${reading.at.slice(0, 10)}; due at ${threshold}`,
      );
      if (result.created) opened.push(visit);
    }
    return opened;
  }

  private async open(plan: PlanDocument, asset: AssetRecord, visit: DueVisit, why?: string) {
    const at = this.now().toISOString();
    const context: CommandContext = {
      ...systemContext(at, `preventive-${plan.code}`),
      actor: SYSTEM,
    };
    const moved = visit.movedBecause ? ` (moved from ${visit.occurrence}: ${visit.movedBecause})` : '';
    return this.options.commands.open(context, {
      source: 'preventive',
      customerCode: asset.customerCode,
      siteCode: asset.siteCode,
      assetCode: asset.code,
      description:
        `${plan.record.description}\n${plan.record.name}: ${why ?? `visit due on ${visit.dueOn}${moved}`}`.slice(
          0,
          4000,
        ),
      priority: plan.record.priority,
      conditionCodes: plan.record.conditionCodes,
      externalReference: preventiveReference(plan.code, asset.code, visit.occurrence),
    });
  }

  private async activePlans(): Promise<PlanDocument[]> {
    const documents = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('maintenance-plan'))
      .find({ status: 'active' }, { projection: { searchTerms: 0 } });
    return documents.map((document) => ({
      code: document.code,
      record: document.record as unknown as MaintenancePlan,
    }));
  }

  private async assetsOf(plan: MaintenancePlan): Promise<AssetRecord[]> {
    const assets = this.options.reads.collection<MasterDataDocument>(masterDataCollection('asset'));
    const found = [
      ...(plan.assetCodes.length > 0
        ? await assets.find({ _id: { $in: plan.assetCodes }, status: 'active' })
        : []),
      ...(plan.assetModelCodes.length > 0
        ? await assets.find({ 'record.modelCode': { $in: plan.assetModelCodes }, status: 'active' })
        : []),
    ];
    const byCode = new Map(found.map((document) => [document.code, document]));
    return [...byCode.values()].map((document) => ({
      code: document.code,
      modelCode: String(document.record['modelCode']),
      siteCode: String(document.record['siteCode']),
      customerCode: String(document.record['customerCode']),
    }));
  }

  private async assetRecord(assetCode: string): Promise<AssetRecord | undefined> {
    const document = await this.options.reads
      .collection<MasterDataDocument>(masterDataCollection('asset'))
      .get(assetCode);
    if (!document || document.status !== 'active') return undefined;
    return {
      code: document.code,
      modelCode: String(document.record['modelCode']),
      siteCode: String(document.record['siteCode']),
      customerCode: String(document.record['customerCode']),
    };
  }

  private async siteOf(siteCode: string) {
    const reads = this.options.reads;
    const site = await reads.collection<MasterDataDocument>(masterDataCollection('site')).get(siteCode);
    if (!site) return undefined;
    const timeZone = str(site.record['timeZone']) ?? 'Europe/Rome';
    const address = site.record['address'] as { country?: string } | undefined;
    const accessCode = str(site.record['accessCalendarCode']);
    const access = accessCode
      ? await reads.collection<MasterDataDocument>(masterDataCollection('calendar')).get(accessCode)
      : null;
    const accessCalendar: CalendarLayer | undefined =
      access && access.status === 'active'
        ? calendarLayerOf(`${site.record['name']} access`, access.record)
        : undefined;
    return {
      timeZone,
      closed: siteClosedDay({
        name: String(site.record['name']),
        timeZone,
        country: address?.country ?? 'IT',
        ...(accessCalendar && { accessCalendar }),
      }),
    };
  }
}
