import type { SlaDashboard } from '@fieldstream/api-contract';

export interface TrendRow {
  day: string;
  breaches: number;
  /** Penalties charged that day, by currency (0 where none). */
  penalties: Record<string, number>;
}

/** The period's days with a figure for every currency seen, so each line and column is whole. */
export function trendRows(series: SlaDashboard['series']): { rows: TrendRow[]; currencies: string[] } {
  const currencies = [
    ...new Set(series.flatMap((day) => day.penalties.map((money) => money.currency))),
  ].sort();
  const rows = series.map((day) => ({
    day: day.day,
    breaches: day.breaches,
    penalties: Object.fromEntries(
      currencies.map((currency) => [
        currency,
        day.penalties
          .filter((money) => money.currency === currency)
          .reduce((sum, money) => sum + money.amount, 0),
      ]),
    ),
  }));
  return { rows, currencies };
}
