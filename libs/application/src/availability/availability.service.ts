import {
  type CalendarLayer,
  DomainError,
  type Principal,
  availableIntervals,
  calendarLayerFromICalendar,
  calendarLayerToICalendar,
  isTechnicianAvailableAndSiteAccessible,
  layerOpenIntervals,
} from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { CommandContext } from '../commands/command-context';
import { FieldValidationError } from '../errors';
import type { MasterDataService } from '../master-data/master-data.service';
import { calendarLayerOf, calendarRecordOf } from './calendar-layers';
import { unitHoursLayer } from './unit-hours-layer';

export interface Interval {
  from: string;
  to: string;
}

export interface LayerView {
  name: string;
  source: { kind: 'unit' | 'calendar'; code: string };
  timeZone: string;
  open: Interval[];
  closures: (Interval & { reason: string })[];
  holidays: (Interval & { reason: string })[];
}

export interface SideView {
  code: string;
  name: string;
  timeZone: string;
  layers: LayerView[];
  available: Interval[];
}

interface SourcedLayer {
  layer: CalendarLayer;
  source: LayerView['source'];
}

/** Longest window one question may span: a quarter keeps the answer (and the maths) bounded. */
const MAX_WINDOW_MS = 92 * 24 * 3600 * 1000;

const iso = (ms: number) => new Date(ms).toISOString();
/** One spelling of instants in every answer (the domain's Temporal prints no milliseconds). */
const normalised = (intervals: readonly Interval[]): Interval[] =>
  intervals.map((i) => ({ from: new Date(i.from).toISOString(), to: new Date(i.to).toISOString() }));

/**
 * "Is technician T available, and is site S accessible, between A and B?", answered from the
 * layers the organisation described: the working hours (and country holidays) of the nearest unit
 * up the structure that has a calendar, the technician's own calendar (leave, absences), and the
 * site's access calendar. Each layer keeps its own time zone.
 */
export class AvailabilityService {
  constructor(
    private readonly reads: ReadStore,
    private readonly masterData: MasterDataService,
  ) {}

  async technicianLayers(
    principal: Principal,
    code: string,
  ): Promise<{ document: MasterDataDocument; layers: SourcedLayer[] }> {
    const document = await this.masterData.get(principal, 'technicians', code);
    const layers: SourcedLayer[] = [];
    const unitLayer = await this.unitLayer(String(document.record['unitCode']));
    if (unitLayer) layers.push(unitLayer);
    const own = document.record['calendarCode'];
    if (typeof own === 'string') {
      const calendar = await this.calendar(own);
      if (calendar)
        layers.push({
          layer: calendarLayerOf(`${document.record['name']}: ${calendar.record['name']}`, calendar.record),
          source: { kind: 'calendar', code: own },
        });
    }
    return { document, layers };
  }

  async siteLayers(
    principal: Principal,
    code: string,
  ): Promise<{ document: MasterDataDocument; layers: SourcedLayer[] }> {
    const document = await this.masterData.get(principal, 'sites', code);
    const access = document.record['accessCalendarCode'];
    const layers: SourcedLayer[] = [];
    if (typeof access === 'string') {
      const calendar = await this.calendar(access);
      if (calendar)
        layers.push({
          layer: calendarLayerOf(`${document.record['name']}: ${calendar.record['name']}`, calendar.record),
          source: { kind: 'calendar', code: access },
        });
    }
    return { document, layers };
  }

  /** The layers and what they leave open over [from, to), for the calendar view. */
  async view(principal: Principal, query: { technician?: string; site?: string; from: string; to: string }) {
    const { from, to } = this.window(query.from, query.to);
    const side = (document: MasterDataDocument, layers: SourcedLayer[], fallbackZone: string): SideView => ({
      code: document.code,
      name: String(document.record['name'] ?? document.code),
      timeZone: String(document.record['timeZone'] ?? layers[0]?.layer.timeZone ?? fallbackZone),
      layers: layers.map(({ layer, source }) => {
        const open = layerOpenIntervals(layer, from, to);
        return {
          name: layer.name,
          source,
          timeZone: layer.timeZone,
          open: open.open.map((i) => ({ from: iso(i.from), to: iso(i.to) })),
          closures: open.closures.map((i) => ({ from: iso(i.from), to: iso(i.to), reason: i.reason })),
          holidays: open.holidays.map((i) => ({ from: iso(i.from), to: iso(i.to), reason: i.reason })),
        };
      }),
      available: normalised(
        availableIntervals(
          layers.map((l) => l.layer),
          iso(from),
          iso(to),
        ),
      ),
    });
    if (!query.technician && !query.site) {
      throw new FieldValidationError('Name a technician, a site, or both', [
        { field: 'technician', code: 'required', message: 'Name a technician, a site, or both' },
      ]);
    }
    const technician = query.technician
      ? await this.technicianLayers(principal, query.technician)
      : undefined;
    const site = query.site ? await this.siteLayers(principal, query.site) : undefined;
    const technicianSide = technician ? side(technician.document, technician.layers, 'UTC') : undefined;
    const siteSide = site ? side(site.document, site.layers, 'UTC') : undefined;
    return {
      from: iso(from),
      to: iso(to),
      ...(technicianSide ? { technician: technicianSide } : {}),
      ...(siteSide ? { site: siteSide } : {}),
      ...(technician && site
        ? {
            both: normalised(
              availableIntervals(
                [...technician.layers, ...site.layers].map((l) => l.layer),
                iso(from),
                iso(to),
              ),
            ),
          }
        : {}),
    };
  }

  /** The yes/no question with what blocks it, for a visit of technician T to site S. */
  async check(principal: Principal, query: { technician: string; site: string; from: string; to: string }) {
    this.window(query.from, query.to);
    const technician = await this.technicianLayers(principal, query.technician);
    const site = await this.siteLayers(principal, query.site);
    return isTechnicianAvailableAndSiteAccessible(
      technician.layers.map((l) => l.layer),
      site.layers.map((l) => l.layer),
      new Date(query.from).toISOString(),
      new Date(query.to).toISOString(),
    );
  }

  async exportICalendar(principal: Principal, code: string, now: string): Promise<string> {
    const calendar = await this.masterData.get(principal, 'calendars', code);
    return calendarLayerToICalendar(calendarLayerOf(String(calendar.record['name']), calendar.record), {
      calendarId: code,
      now,
    });
  }

  /**
   * Reads an iCalendar file into calendar `code`: `replace` takes hours and exceptions from the
   * file; `merge` keeps the calendar and adds the file's closures and openings it lacks.
   */
  async importICalendar(
    context: CommandContext,
    code: string,
    text: string,
    mode: 'merge' | 'replace',
    expectedVersion?: number,
  ) {
    const calendar = await this.masterData.get(context.actor, 'calendars', code);
    const until = new Date(Date.parse(context.at) + 366 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    let imported;
    try {
      imported = calendarLayerFromICalendar(text, {
        defaultTimeZone: String(calendar.record['timeZone']),
        expandUntil: until,
        expandFrom: context.at.slice(0, 10),
      });
    } catch (error) {
      if (error instanceof DomainError) {
        throw new FieldValidationError(error.message, [
          { field: 'file', code: error.code, message: error.message },
        ]);
      }
      throw error;
    }
    let record: Record<string, unknown>;
    if (mode === 'replace') {
      record = calendarRecordOf(imported.layer, calendar.record);
    } else {
      const existing =
        (calendar.record['exceptions'] as { kind: string; from: string; to: string; reason: string }[]) ?? [];
      const key = (e: { kind: string; from: string; to: string }) => `${e.kind}|${e.from}|${e.to}`;
      const known = new Set(existing.map(key));
      const added = (imported.layer.exceptions ?? []).filter((e) => !known.has(key(e)));
      record = {
        ...calendar.record,
        exceptions: [...existing, ...added.map(({ kind, from, to, reason }) => ({ kind, from, to, reason }))],
      };
    }
    const result = await this.masterData.write(
      context,
      'calendars',
      'change',
      code,
      record,
      expectedVersion === undefined ? {} : { expectedVersion },
    );
    return { document: result.document, warnings: imported.warnings };
  }

  private window(fromText: string, toText: string): { from: number; to: number } {
    const from = Date.parse(fromText);
    const to = Date.parse(toText);
    const issues = [];
    if (Number.isNaN(from))
      issues.push({
        field: 'from',
        code: 'invalid_date',
        message: 'An ISO date-time, e.g. 2026-03-30T00:00:00Z',
      });
    if (Number.isNaN(to))
      issues.push({
        field: 'to',
        code: 'invalid_date',
        message: 'An ISO date-time, e.g. 2026-04-06T00:00:00Z',
      });
    if (issues.length === 0 && to <= from)
      issues.push({ field: 'to', code: 'empty_window', message: 'The end comes after the start' });
    if (issues.length === 0 && to - from > MAX_WINDOW_MS)
      issues.push({ field: 'to', code: 'window_too_long', message: 'At most 92 days at a time' });
    if (issues.length > 0) throw new FieldValidationError('Bad time window', issues);
    return { from, to };
  }

  private async calendar(code: string): Promise<MasterDataDocument | null> {
    const calendar = await this.reads
      .collection<MasterDataDocument>(masterDataCollection('calendar'))
      .get(code);
    return calendar && calendar.status === 'active' ? calendar : null;
  }

  /** The nearest unit up the tree with a calendar; its country's holidays when its calendar has none. */
  private unitLayer(unitCode: string): Promise<SourcedLayer | undefined> {
    const units = this.reads.collection<MasterDataDocument>(masterDataCollection('unit'));
    return unitHoursLayer(unitCode, {
      unit: (code) => units.get(code),
      calendar: (code) => this.calendar(code),
    });
  }
}
