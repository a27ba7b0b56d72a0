import type { ZoneFit } from './zone-and-materials';

/** What a proposal is judged on, in the order an explanation lists them. */
export const PROPOSAL_CRITERIA = [
  'start',
  'deadline',
  'zone',
  'travel',
  'materials',
  'skills',
  'workload',
] as const;
export type ProposalCriterion = (typeof PROPOSAL_CRITERIA)[number];

export type CriterionWeights = Readonly<Record<ProposalCriterion, number>>;

/**
 * The organisation's defaults: restoring service soon and within the service level first, then
 * staying in the technician's own area, then the rest. Organisations set their own (parameters).
 */
export const DEFAULT_CRITERION_WEIGHTS: CriterionWeights = {
  start: 30,
  deadline: 25,
  zone: 15,
  travel: 10,
  materials: 10,
  skills: 5,
  workload: 5,
};

/** One line of an explanation: the measured value, its score (0–1), weight and share of the total. */
export interface CriterionScore {
  readonly criterion: ProposalCriterion;
  /** In the criterion's own unit (minutes, a zone fit, a status); absent when there is nothing to measure. */
  readonly value?: number | string;
  readonly score: number;
  readonly weight: number;
  /** Points of the total (0–100) this criterion brings. */
  readonly points: number;
}

export interface ProposalScore {
  /** 0–100: the weighted mean of the criteria's scores. */
  readonly total: number;
  readonly criteria: CriterionScore[];
}

/** What is measured about a proposed slot, before it becomes scores. */
export interface ProposalMeasures {
  readonly minutesUntilStart: number;
  /** Whether the visit ends before the service level's deadline; undefined without one. */
  readonly withinDeadline?: boolean;
  readonly zone: ZoneFit;
  /** Drive from the previous appointment; undefined for the day's first visit or an unknown place. */
  readonly travelMinutes?: number;
  readonly materials: 'none' | 'van' | 'warehouse' | 'missing';
  /** 0–1, see skillMargin. */
  readonly skillMargin: number;
  /** Minutes already booked on the visit's day. */
  readonly bookedMinutesThatDay: number;
}

const ZONE_SCORES: Record<ZoneFit, number> = { own: 1, neighbour: 0.5, unknown: 0.5, outside: 0 };
const MATERIAL_SCORES = { none: 1, van: 1, warehouse: 0.5, missing: 0 } as const;
const WORKING_DAY_MINUTES = 8 * 60;

/**
 * Each criterion on 0–1. Time-like ones fall off as 1 / (1 + x / half) so that the first hours and
 * kilometres matter most: a start a day later halves the start score, half an hour more driving
 * halves the travel score.
 */
function criterionScore(criterion: ProposalCriterion, measures: ProposalMeasures): number {
  switch (criterion) {
    case 'start':
      return 1 / (1 + measures.minutesUntilStart / (24 * 60));
    case 'deadline':
      return measures.withinDeadline === undefined || measures.withinDeadline ? 1 : 0;
    case 'zone':
      return ZONE_SCORES[measures.zone];
    case 'travel':
      return measures.travelMinutes === undefined ? 1 : 1 / (1 + measures.travelMinutes / 30);
    case 'materials':
      return MATERIAL_SCORES[measures.materials];
    case 'skills':
      return measures.skillMargin;
    case 'workload':
      return 1 - Math.min(1, measures.bookedMinutesThatDay / WORKING_DAY_MINUTES);
  }
}

/**
 * What an explanation shows for a criterion, in its own unit; undefined when there is nothing to
 * measure (no deadline, no drive). Apart from the score, so that neither needs an object per
 * criterion on its way into the line.
 */
function criterionValue(
  criterion: ProposalCriterion,
  measures: ProposalMeasures,
): number | string | undefined {
  switch (criterion) {
    case 'start':
      return measures.minutesUntilStart;
    case 'deadline':
      return measures.withinDeadline === undefined ? undefined : measures.withinDeadline ? 'met' : 'missed';
    case 'zone':
      return measures.zone;
    case 'travel':
      return measures.travelMinutes;
    case 'materials':
      return measures.materials;
    case 'skills':
      return Math.round(measures.skillMargin * 100) / 100;
    case 'workload':
      return measures.bookedMinutesThatDay;
  }
}

/** The weighted mean, every criterion shown with its weight and the points it brings. */
export function scoreProposal(measures: ProposalMeasures, weights: CriterionWeights): ProposalScore {
  return proposalScorer(weights)(measures);
}

/**
 * `scoreProposal` with the weights read once: a proposal scores hundreds of technicians against the
 * same weights, and reading a record by a computed key costs more than the arithmetic. Its lines
 * are shared between the technicians it scores where the value decides the line (all but the
 * skills' margin, shown rounded): lines are immutable, like the shared match of a skill nobody
 * holds, and hundreds of technicians start at the same quarter hour, in the same zone, with the
 * same drive.
 */
export function proposalScorer(weights: CriterionWeights): (measures: ProposalMeasures) => ProposalScore {
  const weighted = PROPOSAL_CRITERIA.map((criterion) => ({
    criterion,
    weight: Math.max(0, weights[criterion]),
  }));
  const totalWeight = weighted.reduce((sum, { weight }) => sum + weight, 0);
  const shared = weighted.map(() => new Map<number | string | undefined, CriterionScore>());
  return (measures) => weightedScore(weighted, totalWeight, measures, shared);
}

/** Filled in a loop: a callback would need a closure (and a context) per technician scored. */
function weightedScore(
  weighted: readonly { criterion: ProposalCriterion; weight: number }[],
  totalWeight: number,
  measures: ProposalMeasures,
  shared: readonly Map<number | string | undefined, CriterionScore>[],
): ProposalScore {
  let total = 0;
  const criteria = new Array<CriterionScore>(weighted.length);
  for (let i = 0; i < weighted.length; i++) {
    const { criterion, weight } = weighted[i]!;
    const value = criterionValue(criterion, measures);
    // A Map takes -0 for 0: such a line is made anew.
    const lines = criterion === 'skills' || Object.is(value, -0) ? undefined : shared[i]!;
    let line = lines?.get(value);
    if (!line) {
      line = criterionLine(criterion, value, criterionScore(criterion, measures), weight, totalWeight);
      lines?.set(value, line);
    }
    total += line.points;
    criteria[i] = line;
  }
  return { total: round(total), criteria };
}

function criterionLine(
  criterion: ProposalCriterion,
  value: number | string | undefined,
  score: number,
  weight: number,
  totalWeight: number,
): CriterionScore {
  const points = round(totalWeight === 0 ? 0 : (100 * weight * score) / totalWeight);
  // Literals rather than spreads: a proposal over a whole organisation scores hundreds of technicians.
  return value === undefined
    ? { criterion, score: round(score), weight, points }
    : { criterion, value, score: round(score), weight, points };
}

const round = (n: number) => Math.round(n * 100) / 100;
