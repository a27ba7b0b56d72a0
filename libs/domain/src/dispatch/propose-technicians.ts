import { Temporal } from 'temporal-polyfill';
import type { CalendarLayer } from '../calendar/calendar-layer';
import { type EpochInterval, intersectIntervals } from '../calendar/epoch-intervals';
import { type JobCalendar, jobCalendar } from './job-calendar';
import { layerOpenIntervals } from '../calendar/layer-open-intervals';
import { type CriterionWeights, type ProposalScore, scoreProposal } from './proposal-score';
import { type HeldSkill, type RequiredSkill, type SkillMatch, matchSkills, skillMargin } from './skill-match';
import { type Booking, type SlotQuestion, gridStarts, startWindows } from './start-windows';
import { type GeoPoint, type TravelModel, estimateTravel } from './travel-estimate';
import {
  type MaterialNeed,
  type MaterialsFit,
  type ZoneFit,
  materialsFit,
  zoneFit,
} from './zone-and-materials';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The job to place: a request's, or a what-if a dispatcher types in. */
export interface ProposalJob {
  readonly site: {
    readonly code: string;
    readonly zoneCode?: string;
    readonly location?: GeoPoint;
    /** The site's zone: dates (a certificate's last day, "that day") are the site's dates. */
    readonly timeZone: string;
    readonly accessLayers: readonly CalendarLayer[];
  };
  readonly requiredSkills: readonly RequiredSkill[];
  readonly durationMinutes: number;
  readonly materials: readonly MaterialNeed[];
  /** Epoch ms: nothing is proposed before (now, or later if the dispatcher asks). */
  readonly notBefore: number;
  /** Epoch ms: the service level's deadline for restoring service, when a contract sets one. */
  readonly deadline?: number;
}

/** A technician as the proposal sees them, everything read beforehand. */
export interface ProposalCandidate {
  readonly technicianCode: string;
  readonly name: string;
  readonly active: boolean;
  readonly skills: ReadonlyMap<string, HeldSkill>;
  readonly servedZones: ReadonlySet<string>;
  readonly neighbourZones: ReadonlySet<string>;
  /** Their unit's hours and holidays, their own calendar: open only where all are. */
  readonly layers: readonly CalendarLayer[];
  readonly bookings: readonly Booking[];
  readonly van: ReadonlyMap<string, number>;
  readonly warehouses: readonly { code: string; onHand: ReadonlyMap<string, number> }[];
}

export interface ProposalSettings {
  readonly weights: CriterionWeights;
  readonly travel: TravelModel;
  /** Starts are offered on this grid (quarter hours by default). */
  readonly gridMinutes: number;
  /** How far ahead to look for a start. */
  readonly horizonDays: number;
  /** How many later starts to offer beside the earliest. */
  readonly alternatives: number;
}

export const DEFAULT_PROPOSAL_SETTINGS: Omit<ProposalSettings, 'weights' | 'travel'> = {
  gridMinutes: 15,
  horizonDays: 14,
  alternatives: 3,
};

/** A start the technician can make, with the drive that precedes it. */
export interface ProposedSlot {
  readonly start: number;
  readonly end: number;
  /** The booking the technician comes from (the latest one ending before, on the same day). */
  readonly after?: { readonly bookingId: string; readonly label: string };
  readonly travelMinutes?: number;
  readonly travelKm?: number;
  readonly withinDeadline?: boolean;
}

/** Why a technician is not proposed; structured, for the desk to word in the reader's language. */
export type Exclusion =
  | { readonly code: 'inactive' }
  | { readonly code: 'missing_skill'; readonly skillCode: string; readonly minLevel: number }
  | {
      readonly code: 'skill_level_too_low';
      readonly skillCode: string;
      readonly minLevel: number;
      readonly heldLevel: number;
    }
  | { readonly code: 'certificate_missing'; readonly skillCode: string }
  | { readonly code: 'certificate_expired'; readonly skillCode: string; readonly certifiedUntil: string }
  | { readonly code: 'unavailable'; readonly layer: string; readonly reason: string; readonly until: number }
  | { readonly code: 'site_never_accessible_when_working' }
  | { readonly code: 'fully_booked'; readonly until: number };

/** "Free at 10:00 if the preventive visit at 10:00 moves": one booking whose move frees an earlier start. */
export interface Counterfactual {
  readonly start: number;
  readonly ifMoves: { readonly bookingId: string; readonly label: string; readonly requestId?: string };
}

export interface TechnicianProposal {
  readonly technicianCode: string;
  readonly name: string;
  readonly status: 'proposed' | 'excluded';
  readonly exclusions: Exclusion[];
  readonly skills: SkillMatch[];
  readonly zone: ZoneFit;
  readonly materials: MaterialsFit;
  readonly slot?: ProposedSlot;
  readonly alternatives: ProposedSlot[];
  readonly counterfactual?: Counterfactual;
  readonly score?: ProposalScore;
}

/**
 * Who can restore service, and when, and why: every candidate either proposed with their earliest
 * feasible start, a few later ones, and the score per criterion, or excluded with the reasons.
 * Proposed ones first, best score first (then earliest start, then code); excluded ones after, by
 * code. Pure: everything it judges is in its arguments.
 */
export function proposeTechnicians(
  job: ProposalJob,
  candidates: readonly ProposalCandidate[],
  settings: ProposalSettings,
): TechnicianProposal[] {
  const context = jobContext(job, settings);
  const questions = new Map<string, SlotQuestion>();
  const proposals = candidates.map((candidate) => proposeOne(job, candidate, settings, context, questions));
  proposals.sort(
    (a, b) =>
      Number(b.status === 'proposed') - Number(a.status === 'proposed') ||
      (b.score?.total ?? 0) - (a.score?.total ?? 0) ||
      (a.slot?.start ?? 0) - (b.slot?.start ?? 0) ||
      (a.technicianCode < b.technicianCode ? -1 : a.technicianCode > b.technicianCode ? 1 : 0),
  );
  // Counterfactuals cost a few window computations each: worked out for the proposals a dispatcher
  // reads first, not for hundreds further down.
  return proposals.map((proposal, rank) => {
    const question = questions.get(proposal.technicianCode);
    if (rank >= COUNTERFACTUAL_RANKS || !question || !proposal.slot) return proposal;
    const counterfactual = cheapestMove(question, settings.gridMinutes, proposal.slot.start);
    return counterfactual ? { ...proposal, counterfactual } : proposal;
  });
}

/** Proposals (best first) that get a counterfactual. */
const COUNTERFACTUAL_RANKS = 20;

interface JobContext extends JobCalendar {
  today: string;
  /** Local midnights in the site's zone from the day before the earliest start to past the horizon. */
  midnights: number[];
}

function jobContext(job: ProposalJob, settings: ProposalSettings): JobContext {
  const calendar = jobCalendar(job, settings);
  return {
    ...calendar,
    today: localDate(job.notBefore, job.site.timeZone),
    midnights: localMidnights(
      job.notBefore - DAY,
      calendar.horizonEnd + job.durationMinutes * MINUTE + DAY,
      job.site.timeZone,
    ),
  };
}

function proposeOne(
  job: ProposalJob,
  candidate: ProposalCandidate,
  settings: ProposalSettings,
  context: JobContext,
  questions: Map<string, SlotQuestion>,
): TechnicianProposal {
  const skills = matchSkills(job.requiredSkills, candidate.skills, context.today);
  const base = {
    technicianCode: candidate.technicianCode,
    name: candidate.name,
    skills,
    zone: zoneFit(job.site.zoneCode, candidate.servedZones, candidate.neighbourZones),
    materials: materialsFit(job.materials, candidate.van, candidate.warehouses),
    alternatives: [],
  };
  const exclusions = standingExclusions(candidate, skills);
  if (exclusions.length > 0) return { ...base, status: 'excluded', exclusions };

  // A certificate valid today but ending within the horizon limits how late the visit may start.
  const notAfter = Math.min(context.horizonEnd, certificatesEnd(skills, job.site.timeZone));
  const technicianOpen = context.openWhereAll(candidate.layers);
  const open = context.siteOpen ? intersectIntervals(technicianOpen, context.siteOpen) : technicianOpen;
  const question: SlotQuestion = {
    open,
    bookings: candidate.bookings,
    durationMinutes: job.durationMinutes,
    ...(job.site.location && { site: job.site.location }),
    travel: settings.travel,
    notBefore: job.notBefore,
    notAfter,
  };
  const starts = gridStarts(startWindows(question), settings.gridMinutes);
  if (starts.length === 0) {
    return {
      ...base,
      status: 'excluded',
      exclusions: [whyNoStart(job, candidate, technicianOpen, open, notAfter)],
    };
  }
  questions.set(candidate.technicianCode, question);
  const [earliest, ...later] = starts
    .slice(0, 1 + settings.alternatives)
    .map((start) => slotAt(start, job, candidate, settings));
  const slot = earliest!;
  const score = scoreProposal(
    {
      minutesUntilStart: Math.round((slot.start - job.notBefore) / MINUTE),
      ...(slot.withinDeadline !== undefined && { withinDeadline: slot.withinDeadline }),
      zone: base.zone,
      ...(slot.travelMinutes !== undefined && { travelMinutes: slot.travelMinutes }),
      materials: base.materials.status,
      skillMargin: skillMargin(skills),
      bookedMinutesThatDay: bookedMinutesOn(candidate.bookings, slot.start, context.midnights),
    },
    settings.weights,
  );
  return {
    ...base,
    status: 'proposed',
    exclusions: [],
    slot,
    alternatives: later,
    score,
  };
}

/** Reasons that hold whatever the time: inactive, skills missing or too low, no certificate. */
function standingExclusions(candidate: ProposalCandidate, skills: readonly SkillMatch[]): Exclusion[] {
  const exclusions: Exclusion[] = candidate.active ? [] : [{ code: 'inactive' }];
  for (const match of skills) {
    if (match.verdict === 'missing')
      exclusions.push({ code: 'missing_skill', skillCode: match.skillCode, minLevel: match.minLevel });
    if (match.verdict === 'level_too_low')
      exclusions.push({
        code: 'skill_level_too_low',
        skillCode: match.skillCode,
        minLevel: match.minLevel,
        heldLevel: match.heldLevel!,
      });
    if (match.verdict === 'certificate_missing')
      exclusions.push({ code: 'certificate_missing', skillCode: match.skillCode });
    if (match.verdict === 'certificate_expired')
      exclusions.push({
        code: 'certificate_expired',
        skillCode: match.skillCode,
        certifiedUntil: match.certifiedUntil!,
      });
  }
  return exclusions;
}

/** The first instant no required certificate covers any more (the day after the earliest last day). */
export function certificatesEnd(skills: readonly SkillMatch[], timeZone: string): number {
  const lastDays = skills.flatMap((match) => (match.certifiedUntil ? [match.certifiedUntil] : [])).sort();
  if (lastDays.length === 0) return Number.POSITIVE_INFINITY;
  return Temporal.PlainDate.from(lastDays[0]!).add({ days: 1 }).toZonedDateTime({ timeZone })
    .epochMilliseconds;
}

/**
 * Why no start was found, most telling first: the technician's own calendar closed over the whole
 * horizon (leave, with its reason and end), no time when both they work and the site is open, or
 * an agenda with no gap long enough.
 */
function whyNoStart(
  job: ProposalJob,
  candidate: ProposalCandidate,
  technicianOpen: readonly EpochInterval[],
  open: readonly EpochInterval[],
  notAfter: number,
): Exclusion {
  if (technicianOpen.length === 0 || technicianOpen[0]!.from > notAfter) {
    for (const layer of candidate.layers) {
      // The first closure still running or coming: leave that began last week, or begins tonight.
      const closure = layerOpenIntervals(layer, job.notBefore, notAfter + MINUTE)
        .closures.filter((closed) => closed.to > job.notBefore)
        .sort((a, b) => a.from - b.from)[0];
      if (closure)
        return { code: 'unavailable', layer: layer.name, reason: closure.reason, until: closure.to };
    }
    return { code: 'unavailable', layer: candidate.name, reason: 'Not working', until: notAfter };
  }
  if (open.length === 0) return { code: 'site_never_accessible_when_working' };
  return { code: 'fully_booked', until: notAfter };
}

function slotAt(
  start: number,
  job: ProposalJob,
  candidate: ProposalCandidate,
  settings: ProposalSettings,
): ProposedSlot {
  const end = start + job.durationMinutes * MINUTE;
  // The booking the technician drives from: the latest ending at or before the start, that day.
  const previous = candidate.bookings
    .filter((booking) => booking.to <= start && start - booking.to < 12 * 60 * MINUTE)
    .reduce<Booking | undefined>(
      (latest, booking) => (!latest || booking.to > latest.to ? booking : latest),
      undefined,
    );
  const travel = previous ? estimateTravel(previous.location, job.site.location, settings.travel) : undefined;
  return {
    start,
    end,
    ...(previous && { after: { bookingId: previous.id, label: previous.label } }),
    ...(travel && { travelMinutes: travel.minutes, travelKm: travel.km }),
    ...(job.deadline !== undefined && { withinDeadline: end <= job.deadline }),
  };
}

/** Only the bookings standing between now and the earliest start are tried, at most three. */
const COUNTERFACTUAL_TRIES = 3;

function cheapestMove(
  question: SlotQuestion,
  gridMinutes: number,
  earliest: number,
): Counterfactual | undefined {
  const standing = question.bookings
    .filter((booking) => booking.from < earliest && booking.to > question.notBefore)
    .sort((a, b) => a.from - b.from)
    .slice(0, COUNTERFACTUAL_TRIES);
  let best: Counterfactual | undefined;
  for (const booking of standing) {
    const without = { ...question, bookings: question.bookings.filter((other) => other !== booking) };
    const [start] = gridStarts(startWindows(without), gridMinutes);
    if (start !== undefined && start < earliest && (!best || start < best.start)) {
      best = {
        start,
        ifMoves: {
          bookingId: booking.id,
          label: booking.label,
          ...(booking.requestId !== undefined && { requestId: booking.requestId }),
        },
      };
    }
  }
  return best;
}

function localDate(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** Minutes booked on the local day (in the site's zone) the start falls on. */
function bookedMinutesOn(bookings: readonly Booking[], start: number, midnights: readonly number[]): number {
  let day = 0;
  while (day + 1 < midnights.length && midnights[day + 1]! <= start) day++;
  const from = midnights[day]!;
  const to = midnights[day + 1] ?? from + DAY;
  let minutes = 0;
  for (const booking of bookings) {
    if (booking.to > from && booking.from < to)
      minutes += (Math.min(booking.to, to) - Math.max(booking.from, from)) / MINUTE;
  }
  return minutes;
}

/** Every local midnight from the day of `from` to past `to` (days are not all 24 h long). */
function localMidnights(from: number, to: number, timeZone: string): number[] {
  let day = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone).startOfDay();
  const midnights = [day.epochMilliseconds];
  while (day.epochMilliseconds <= to) {
    day = day.add({ days: 1 });
    midnights.push(day.epochMilliseconds);
  }
  return midnights;
}
