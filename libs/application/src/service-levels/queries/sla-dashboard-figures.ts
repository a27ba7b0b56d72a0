import { OPEN_SLA_STANDINGS, type SlaStandingCounts, type SlaStandingName } from '@fieldstream/api-contract';
import type { SlaOutcomeDocument, SlaRequestDocument } from '@fieldstream/projections';

/** What the dashboard reads of each running request: no fold, no history. */
export type RunningSlaRow = Pick<
  SlaRequestDocument,
  | '_id'
  | 'reference'
  | 'customerCode'
  | 'siteCode'
  | 'unitCode'
  | 'zoneCode'
  | 'priority'
  | 'standing'
  | 'nextDeadline'
  | 'nextDeadlineClock'
> & { clocks: Pick<SlaRequestDocument['clocks'][number], 'clock' | 'reachedPercent'>[] };

/** The read-store projection giving exactly a RunningSlaRow. */
export const RUNNING_SLA_ROW_FIELDS = {
  _id: 1,
  reference: 1,
  customerCode: 1,
  siteCode: 1,
  unitCode: 1,
  zoneCode: 1,
  priority: 1,
  standing: 1,
  nextDeadline: 1,
  nextDeadlineClock: 1,
  'clocks.clock': 1,
  'clocks.reachedPercent': 1,
} as const;

export type SlaOutcomeRow = Pick<SlaOutcomeDocument, 'day' | 'kind' | 'penalty'>;
export const SLA_OUTCOME_ROW_FIELDS = { _id: 0, day: 1, kind: 1, penalty: 1 } as const;

type OpenStanding = (typeof OPEN_SLA_STANDINGS)[number];
const OPEN: ReadonlySet<string> = new Set(OPEN_SLA_STANDINGS);
const isOpen = (standing: string): standing is OpenStanding => OPEN.has(standing);

export const noStandings = (): SlaStandingCounts => ({ 'on-track': 0, 'at-risk': 0, breached: 0, paused: 0 });

/**
 * Running requests counted by standing, in total and per group key (a request without the key,
 * e.g. one opened at a site no zone covers, counts in the total only).
 */
export function countStandings(
  rows: readonly RunningSlaRow[],
  keys: readonly ((row: RunningSlaRow) => string | undefined)[],
): { totals: SlaStandingCounts; groups: Map<string, SlaStandingCounts>[] } {
  const totals = noStandings();
  const groups = keys.map(() => new Map<string, SlaStandingCounts>());
  for (const row of rows) {
    const standing = row.standing;
    if (!isOpen(standing)) continue;
    totals[standing]++;
    keys.forEach((key, index) => {
      const code = key(row);
      if (code === undefined) return;
      const group = groups[index]!;
      let counts = group.get(code);
      if (!counts) group.set(code, (counts = noStandings()));
      counts[standing]++;
    });
  }
  return { totals, groups };
}

const AT_RISK: ReadonlySet<SlaStandingName> = new Set(['at-risk', 'breached']);

/**
 * The running requests at risk or breached that have a deadline to count down to, nearest first
 * (ties by id, so pages agree). A request whose clocks are paused, or whose calendar never opens
 * for it, has no deadline: it is counted, not listed.
 */
export function atRiskRows(rows: readonly RunningSlaRow[], limit: number): RunningSlaRow[] {
  return rows
    .filter((row) => AT_RISK.has(row.standing) && row.nextDeadline !== null && row.nextDeadlineClock !== null)
    .sort((a, b) =>
      a.nextDeadline! < b.nextDeadline!
        ? -1
        : a.nextDeadline! > b.nextDeadline!
          ? 1
          : a._id < b._id
            ? -1
            : a._id > b._id
              ? 1
              : 0,
    )
    .slice(0, limit);
}

export interface Money {
  amount: number;
  currency: string;
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

function sumByCurrency(target: Map<string, number>, money: Money): void {
  target.set(money.currency, (target.get(money.currency) ?? 0) + money.amount);
}

const moneyList = (sums: ReadonlyMap<string, number>): Money[] =>
  [...sums]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amount]) => ({ amount: cents(amount), currency }));

/**
 * Breaches and penalties per day (every day of the period, zeros included) and over the period;
 * penalties are summed per currency (a contract has one, an organisation seldom more).
 */
export function dailyFigures(days: readonly string[], outcomes: readonly SlaOutcomeRow[]) {
  const byDay = new Map(days.map((day) => [day, { breaches: 0, penalties: new Map<string, number>() }]));
  const total = { breaches: 0, penalties: new Map<string, number>() };
  for (const outcome of outcomes) {
    const figures = byDay.get(outcome.day);
    if (!figures) continue;
    if (outcome.kind === 'breach') {
      figures.breaches++;
      total.breaches++;
    } else if (outcome.penalty) {
      sumByCurrency(figures.penalties, outcome.penalty);
      sumByCurrency(total.penalties, outcome.penalty);
    }
  }
  return {
    series: days.map((day) => {
      const figures = byDay.get(day)!;
      return { day, breaches: figures.breaches, penalties: moneyList(figures.penalties) };
    }),
    breachesInPeriod: total.breaches,
    penaltiesInPeriod: moneyList(total.penalties),
  };
}
