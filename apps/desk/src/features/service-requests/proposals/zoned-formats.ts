const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface ZonedFormats {
  /** The zone times are shown in: the site's, or the browser's when the site's is unknown. */
  timeZone: string;
  /** `Thu 3 Dec, 08:00` in the site's zone. */
  dayTime(instant: string): string;
  /** `Thu 3 Dec`. */
  day(instant: string): string;
  /**
   * From one instant to another: `Thu 3 Dec, 08:00 – 09:30`, the day said again only when the end
   * falls on another day in the site's zone.
   */
  span(start: string, end: string): string;
  /** Whether the instant is a midnight in the site's zone: a day's bound rather than a time. */
  atMidnight(instant: string): boolean;
  /** A bound of a stretch: the day alone when it falls at midnight in the site's zone. */
  bound(instant: string): string;
  /** A calendar date (`2026-11-30`, a certificate's last day) as it reads, in no zone. */
  calendarDate(date: string): string;
  /** `1 day 2 hr`, `45 min`. */
  duration(minutes: number): string;
  minutes(value: number): string;
  km(value: number): string;
  number(value: number): string;
  /** `Luca Verdi and Sara Gallo`, `GAS, ELEC and FGAS`: items joined in the user's language. */
  and(items: readonly string[]): string;
}

/** The site's zone if the browser knows it: an unknown zone must not break the dialog. */
function knownZone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Dates, times, durations and distances in the user's language, times in the site's zone (a job is
 * done where the site is, whatever the dispatcher's clock says), with `Intl` alone.
 */
export function zonedFormats(language: string, siteTimeZone: string): ZonedFormats {
  const zone = knownZone(siteTimeZone);
  const timeZone = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const inZone = zone ? { timeZone: zone } : {};
  const dayTime = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...inZone,
  });
  const day = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...inZone,
  });
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', ...inZone });
  const clock = new Intl.DateTimeFormat('en', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...inZone,
  });
  const calendarDate = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const unit = (name: string) =>
    new Intl.NumberFormat(language, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
  const days = unit('day');
  const hours = unit('hour');
  const minutes = unit('minute');
  const km = unit('kilometer');
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const list = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
  const conjunction = new Intl.ListFormat(language, { type: 'conjunction' });
  const isMidnight = (instant: string) => clock.format(new Date(instant)) === '00:00';
  return {
    timeZone,
    dayTime: (instant) => dayTime.format(new Date(instant)),
    day: (instant) => day.format(new Date(instant)),
    span: (start, end) => {
      const from = new Date(start);
      const to = new Date(end);
      const sameDay = day.format(from) === day.format(to);
      return `${dayTime.format(from)} – ${(sameDay ? time : dayTime).format(to)}`;
    },
    atMidnight: isMidnight,
    bound: (instant) => (isMidnight(instant) ? day : dayTime).format(new Date(instant)),
    calendarDate: (date) =>
      DATE_ONLY.test(date)
        ? calendarDate.format(new Date(`${date}T00:00:00Z`))
        : dayTime.format(new Date(date)),
    duration: (total) => {
      const whole = Math.max(0, Math.round(total));
      const d = Math.floor(whole / MINUTES_PER_DAY);
      const h = Math.floor((whole % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
      const m = whole % MINUTES_PER_HOUR;
      const parts = [
        ...(d > 0 ? [days.format(d)] : []),
        ...(h > 0 ? [hours.format(h)] : []),
        // Minutes matter within the first day only.
        ...(m > 0 && d === 0 ? [minutes.format(m)] : []),
      ];
      return parts.length > 0 ? list.format(parts) : minutes.format(0);
    },
    minutes: (value) => minutes.format(value),
    km: (value) => km.format(value),
    number: (value) => number.format(value),
    and: (items) => conjunction.format(items),
  };
}
