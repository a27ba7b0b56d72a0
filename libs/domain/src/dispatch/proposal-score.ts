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
function criterionScore(
  criterion: ProposalCriterion,
  measures: ProposalMeasures,
): Omit<CriterionScore, 'weight' | 'points'> {
  switch (criterion) {
    case 'start':
      return {
        criterion,
        value: measures.minutesUntilStart,
        score: 1 / (1 + measures.minutesUntilStart / (24 * 60)),
      };
    case 'deadline':
      return measures.withinDeadline === undefined
        ? { criterion, score: 1 }
        : {
            criterion,
            value: measures.withinDeadline ? 'met' : 'missed',
            score: measures.withinDeadline ? 1 : 0,
          };
    case 'zone':
      return { criterion, value: measures.zone, score: ZONE_SCORES[measures.zone] };
    case 'travel':
      return measures.travelMinutes === undefined
        ? { criterion, score: 1 }
        : { criterion, value: measures.travelMinutes, score: 1 / (1 + measures.travelMinutes / 30) };
    case 'materials':
      return { criterion, value: measures.materials, score: MATERIAL_SCORES[measures.materials] };
    case 'skills':
      return { criterion, value: Math.round(measures.skillMargin * 100) / 100, score: measures.skillMargin };
    case 'workload':
      return {
        criterion,
        value: measures.bookedMinutesThatDay,
        score: 1 - Math.min(1, measures.bookedMinutesThatDay / WORKING_DAY_MINUTES),
      };
  }
}

/** The weighted mean, every criterion shown with its weight and the points it brings. */
export function scoreProposal(measures: ProposalMeasures, weights: CriterionWeights): ProposalScore {
  const totalWeight = PROPOSAL_CRITERIA.reduce((sum, criterion) => sum + Math.max(0, weights[criterion]), 0);
  let total = 0;
  const criteria = PROPOSAL_CRITERIA.map((criterion): CriterionScore => {
    const weight = Math.max(0, weights[criterion]);
    const { value, score } = criterionScore(criterion, measures);
    const points = round(totalWeight === 0 ? 0 : (100 * weight * score) / totalWeight);
    total += points;
    // Literals rather than spreads: a proposal over a whole organisation scores hundreds of technicians.
    return value === undefined
      ? { criterion, score: round(score), weight, points }
      : { criterion, value, score: round(score), weight, points };
  });
  return { total: round(total), criteria };
}

const round = (n: number) => Math.round(n * 100) / 100;
