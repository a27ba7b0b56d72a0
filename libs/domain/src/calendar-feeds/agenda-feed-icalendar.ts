import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { foldContentLines } from '../calendar/icalendar/fold-content-lines';
import { escapeText } from '../calendar/icalendar/icalendar-text';
import { isIanaTimeZone } from '../calendar/icalendar/icalendar-time-zones';
import { vtimezoneFromIana } from '../calendar/icalendar/vtimezone-from-iana';

export const AGENDA_FEED_PRODUCT_ID = '-//Fieldstream//Agenda feed//EN';

/** STATUS as RFC 5545 names it: a cancelled appointment stays in the feed so that phones drop it. */
export type AgendaFeedStatus = 'confirmed' | 'tentative' | 'cancelled';

/** One appointment, worded already (in the owner's language) by the application. */
export interface AgendaFeedEvent {
  /** Stable across fetches, reschedules and a regenerated URL. */
  uid: string;
  /** ISO instants. */
  start: string;
  end: string;
  /** The site's IANA zone: DTSTART and DTEND are its wall-clock times, with its VTIMEZONE. */
  timeZone: string;
  status: AgendaFeedStatus;
  /** Grows with every change of time or status (RFC 5545 §3.8.7.4). */
  sequence: number;
  created: string;
  lastModified: string;
  summary: string;
  location?: string;
  description?: string;
  geo?: { latitude: number; longitude: number };
  /** Where the appointment is seen in full (the desk). */
  url?: string;
  /** RFC 5545 PRIORITY: 1 most urgent … 9 least. */
  priority?: number;
}

export interface AgendaFeed {
  /** X-WR-CALNAME: what the phone lists the calendar as. */
  name: string;
  description?: string;
  /** X-WR-TIMEZONE: the zone the calendar is mostly read in (the technician's, the unit's). */
  timeZone: string;
  /** How often clients should fetch again. */
  refreshMinutes: number;
  /** The instants the feed covers: its VTIMEZONEs cover their years at least. */
  window: { from: string; to: string };
  events: readonly AgendaFeedEvent[];
  productId?: string;
}

const MINUTES = (minutes: number) => `PT${minutes}M`;

function utcTime(instant: Temporal.Instant): ICAL.Time {
  const time = ICAL.Time.fromDateTimeString(instant.toString({ smallestUnit: 'second' }).replace(/Z$/, ''));
  time.zone = ICAL.Timezone.utcTimezone;
  return time;
}

/**
 * DTSTART / DTEND: the wall-clock time in `timeZone` with its TZID, as people expect to see and
 * edit it. A time that the zone's wall clock cannot name alone (the repeated hour when clocks go
 * back) or an unknown zone is written in UTC instead: a client would otherwise guess the hour.
 */
function timeProperty(name: 'dtstart' | 'dtend', instant: Temporal.Instant, timeZone: string | undefined) {
  const property = new ICAL.Property(name);
  if (timeZone) {
    const local = instant.toZonedDateTimeISO(timeZone).toPlainDateTime();
    const readBack = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant();
    if (readBack.equals(instant)) {
      property.setParameter('tzid', timeZone);
      property.setValue(ICAL.Time.fromDateTimeString(local.toString({ smallestUnit: 'second' })));
      return property;
    }
  }
  property.setValue(utcTime(instant));
  return property;
}

function rawProperty(name: string, value: string): ICAL.Property {
  // X- properties are untyped for ical.js: it writes the value as given, so we escape it ourselves.
  const property = new ICAL.Property(name);
  property.setValue(value);
  return property;
}

function vevent(event: AgendaFeedEvent, zones: ReadonlySet<string>): ICAL.Component {
  const component = new ICAL.Component('vevent');
  const zone = zones.has(event.timeZone) ? event.timeZone : undefined;
  const lastModified = utcTime(Temporal.Instant.from(event.lastModified));
  component.addPropertyWithValue('uid', event.uid);
  // DTSTAMP is the last change, not the time of the fetch: the same agenda then gives the same
  // bytes, so the feed's ETag holds and a phone polling every quarter of an hour gets a 304.
  component.addPropertyWithValue('dtstamp', lastModified);
  component.addPropertyWithValue('created', utcTime(Temporal.Instant.from(event.created)));
  component.addPropertyWithValue('last-modified', lastModified);
  component.addPropertyWithValue('sequence', event.sequence);
  component.addPropertyWithValue('status', event.status.toUpperCase());
  // A cancelled appointment no longer makes the technician busy.
  component.addPropertyWithValue('transp', event.status === 'cancelled' ? 'TRANSPARENT' : 'OPAQUE');
  component.addProperty(timeProperty('dtstart', Temporal.Instant.from(event.start), zone));
  component.addProperty(timeProperty('dtend', Temporal.Instant.from(event.end), zone));
  component.addPropertyWithValue('summary', event.summary);
  if (event.location) component.addPropertyWithValue('location', event.location);
  if (event.geo) component.addPropertyWithValue('geo', [event.geo.latitude, event.geo.longitude]);
  if (event.description) component.addPropertyWithValue('description', event.description);
  if (event.url) component.addPropertyWithValue('url', event.url);
  if (event.priority !== undefined) component.addPropertyWithValue('priority', event.priority);
  return component;
}

/**
 * A technician's or a team's appointments as an RFC 5545 calendar to subscribe to (METHOD:PUBLISH):
 * one VEVENT per appointment, times in each site's zone with a VTIMEZONE per zone derived from the
 * IANA data, text escaped and lines folded. Pure: the same feed gives the same bytes.
 */
export function agendaFeedToICalendar(feed: AgendaFeed): string {
  const zones = new Set(
    [feed.timeZone, ...feed.events.map((event) => event.timeZone)].filter(isIanaTimeZone),
  );
  const instants = [
    feed.window.from,
    feed.window.to,
    ...feed.events.flatMap((event) => [event.start, event.end]),
  ].map((value) => Temporal.Instant.from(value));
  const years = instants.map((instant) => instant.toZonedDateTimeISO('UTC').year);
  // A year either side: a zone's wall clock can sit in the next or previous year on 1 January UTC.
  const fromYear = Math.min(...years) - 1;
  const toYear = Math.max(...years) + 1;

  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', feed.productId ?? AGENDA_FEED_PRODUCT_ID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addProperty(rawProperty('x-wr-calname', escapeText(feed.name)));
  if (feed.description) calendar.addProperty(rawProperty('x-wr-caldesc', escapeText(feed.description)));
  calendar.addProperty(rawProperty('x-wr-timezone', zones.has(feed.timeZone) ? feed.timeZone : 'UTC'));
  // RFC 7986's REFRESH-INTERVAL, and the older X-PUBLISHED-TTL that Outlook and Apple read.
  const refresh = new ICAL.Property('refresh-interval');
  refresh.resetType('duration');
  refresh.setValue(ICAL.Duration.fromString(MINUTES(feed.refreshMinutes)));
  calendar.addProperty(refresh);
  calendar.addProperty(rawProperty('x-published-ttl', MINUTES(feed.refreshMinutes)));
  for (const zone of [...zones].sort()) calendar.addSubcomponent(vtimezoneFromIana(zone, fromYear, toYear));
  for (const event of feed.events) calendar.addSubcomponent(vevent(event, zones));
  return `${foldContentLines(calendar.toString())}\r\n`;
}
