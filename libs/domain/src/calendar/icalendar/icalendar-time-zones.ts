import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';

/**
 * How an imported TZID is read. IANA names (Google, Apple, our own files) go to Temporal, whose
 * data is current; other names (Outlook's 'W. Europe Standard Time', '(UTC+01:00) Amsterdam…')
 * go to the VTIMEZONE the file itself carries, read by ical.js without touching its global
 * TimezoneService (that would be shared state between imports).
 */
export type ResolvedZone =
  | { readonly kind: 'iana'; readonly id: string }
  | { readonly kind: 'vtimezone'; readonly id: string; readonly zone: ICAL.Timezone };

export function isIanaTimeZone(timeZone: string): boolean {
  try {
    Temporal.PlainDate.from('2000-01-01').toZonedDateTime({ timeZone });
    return true;
  } catch {
    return false;
  }
}

export class FileTimeZones {
  private readonly defined = new Map<string, ICAL.Component>();
  private readonly resolved = new Map<string, ResolvedZone | undefined>();

  constructor(calendar: ICAL.Component) {
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
      const tzid = vtimezone.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string') this.defined.set(tzid, vtimezone);
    }
  }

  resolve(tzid: string): ResolvedZone | undefined {
    if (this.resolved.has(tzid)) return this.resolved.get(tzid);
    let result: ResolvedZone | undefined;
    if (isIanaTimeZone(tzid)) result = { kind: 'iana', id: tzid };
    else {
      const vtimezone = this.defined.get(tzid);
      if (vtimezone) result = { kind: 'vtimezone', id: tzid, zone: new ICAL.Timezone(vtimezone) };
    }
    this.resolved.set(tzid, result);
    return result;
  }
}

/** The instant of a wall-clock time in a resolved zone; gaps and overlaps as RFC 5545 says. */
export function epochOf(local: Temporal.PlainDateTime, zone: ResolvedZone): number {
  if (zone.kind === 'iana') {
    return local.toZonedDateTime(zone.id, { disambiguation: 'compatible' }).epochMilliseconds;
  }
  const time = new ICAL.Time(
    {
      year: local.year,
      month: local.month,
      day: local.day,
      hour: local.hour,
      minute: local.minute,
      second: local.second,
      isDate: false,
    },
    zone.zone,
  );
  return time.toUnixTime() * 1000;
}
