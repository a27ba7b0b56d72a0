import type { HolidaysTypes } from 'date-holidays';

/** ISO weekday keys, Monday first, as the organisation's forms show them. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A wall-clock interval, 'HH:MM' to 'HH:MM'. Working hours are wall-clock on purpose: a 08:00–17:00
 * day stays 08:00–17:00 locally across a DST change, so its UTC interval shifts. When `to` is not
 * after `from` the interval runs past midnight into the next local day (a night shift 22:00–06:00;
 * '13:00'–'00:00' ends at midnight).
 */
export interface LocalTimeInterval {
  readonly from: string;
  readonly to: string;
}

/**
 * A closure (leave, sickness, site closed…) or an extra opening (a Saturday worked), in the layer's
 * own zone. `from`/`to` are either both dates 'YYYY-MM-DD' — whole days, both included, as people
 * write leave — or both date-times 'YYYY-MM-DDTHH:MM' — half-open, the end excluded.
 */
export interface CalendarException {
  readonly kind: 'closed' | 'open';
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/** Public holidays of a country (and subdivision, e.g. 'BY' for Bavaria) close whole local days. */
export interface HolidayRule {
  readonly country: string;
  readonly subdivision?: string;
  /** Which date-holidays types close the day; only 'public' unless a contract says otherwise. */
  readonly closedTypes?: readonly HolidaysTypes.HolidayType[];
}

/**
 * One level of a calendar: an organisation unit's hours, a technician's own calendar, a site's
 * access windows. A resource is available only where all its layers are open.
 */
export interface CalendarLayer {
  /** Named in answers ("blocked by Technician Rossi: Annual leave"). */
  readonly name: string;
  /** IANA zone in which hours, holidays and exceptions are read. */
  readonly timeZone: string;
  /**
   * Absent: the layer does not restrict hours (a technician layer holding only leave). Present: a
   * weekday missing from the record is closed.
   */
  readonly weeklyHours?: Partial<Readonly<Record<Weekday, readonly LocalTimeInterval[]>>>;
  readonly holidays?: HolidayRule;
  readonly exceptions?: readonly CalendarException[];
}

/** A UTC interval, half-open [from, to), as ISO instants ('2026-03-29T06:00:00Z'). */
export interface UtcInterval {
  readonly from: string;
  readonly to: string;
}
