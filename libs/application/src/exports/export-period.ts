import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { Temporal } from 'temporal-polyfill';

/** Until a head office with a zone is registered: the zone the organisation was founded in. */
export const FALLBACK_TIME_ZONE = 'Europe/Rome';

/**
 * The organisation's time zone: its head office's. A back office closes its books by the days of
 * its own calendar, not by UTC's: an intervention closed at 00:30 in Rome on 1 December belongs to
 * December, although it is still 30 November in UTC.
 */
export async function organisationTimeZone(reads: ReadStore): Promise<string> {
  const headOffices = await reads
    .collection<MasterDataDocument>(masterDataCollection('unit'))
    .find({ 'record.type': 'head-office', status: 'active' }, { projection: { searchTerms: 0 } });
  // One head office is the rule; should there be more, the answer must not depend on storage order.
  const first = headOffices.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))[0];
  const zone = first?.record['timeZone'];
  return typeof zone === 'string' ? zone : FALLBACK_TIME_ZONE;
}

/** Closing days asked for: `from` inclusive, `to` exclusive, each at 00:00 in the zone. */
export interface ExportPeriod {
  timeZone: string;
  from?: string;
  to?: string;
  fromMs?: number;
  toMs?: number;
}

/** When a day starts in a zone: 00:00, or the first moment after a transition skipped it. */
function startOfDay(day: string, timeZone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds;
}

export function exportPeriod(timeZone: string, from?: string, to?: string): ExportPeriod {
  return {
    timeZone,
    ...(from !== undefined && { from, fromMs: startOfDay(from, timeZone) }),
    ...(to !== undefined && { to, toMs: startOfDay(to, timeZone) }),
  };
}

export function isWithin(period: ExportPeriod, at: string): boolean {
  const ms = Date.parse(at);
  return (
    (period.fromMs === undefined || ms >= period.fromMs) && (period.toMs === undefined || ms < period.toMs)
  );
}

/** The day of an instant in a zone, YYYY-MM-DD. */
export function localDayOf(at: string, timeZone: string): string {
  return Temporal.Instant.from(at).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
