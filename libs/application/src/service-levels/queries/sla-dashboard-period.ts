import { FieldValidationError } from '../../errors';

/** What the dashboard's charts cover when no period is asked for: the 30 days up to today (UTC). */
export const SLA_DEFAULT_PERIOD_DAYS = 30;
/** The contract's own bound: `to` at most 366 days after `from`. */
const MAX_SPAN_DAYS = 366;
const DAY_MS = 86_400_000;

/** Whole UTC days, both ends included, as YYYY-MM-DD. */
export interface SlaPeriod {
  from: string;
  to: string;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/**
 * The period the dashboard answers for. A missing end is today (UTC), a missing start the 30 days
 * up to the end. The contract's schema checks the two bounds only when both are sent; a bound
 * completed here is held to the same rules, and the field the caller sent is the one named.
 */
export function dashboardPeriod(
  asked: { from?: string | undefined; to?: string | undefined },
  now: Date,
): SlaPeriod {
  const to = asked.to ?? dayOf(now.getTime());
  const from = asked.from ?? dayOf(startOf(to) - (SLA_DEFAULT_PERIOD_DAYS - 1) * DAY_MS);
  const blamed = asked.to === undefined ? 'from' : 'to';
  if (from > to) {
    throw new FieldValidationError('The period ends before it starts', [
      {
        field: blamed,
        code: 'invalid_period',
        message:
          asked.to === undefined
            ? '`from` must not be after today, the default end'
            : '`to` must not be before `from`',
      },
    ]);
  }
  if (startOf(to) - startOf(from) > MAX_SPAN_DAYS * DAY_MS) {
    throw new FieldValidationError('The period is too long', [
      { field: blamed, code: 'invalid_period', message: `A period covers at most ${MAX_SPAN_DAYS} days` },
    ]);
  }
  return { from, to };
}

/** Every day of the period, in order. */
export function daysOf(period: SlaPeriod): string[] {
  const days: string[] = [];
  for (let ms = startOf(period.from); ms <= startOf(period.to); ms += DAY_MS) days.push(dayOf(ms));
  return days;
}
