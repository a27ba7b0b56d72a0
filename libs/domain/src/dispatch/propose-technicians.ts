import { Temporal } from 'temporal-polyfill';
import type { CalendarLayer } from '../calendar/calendar-layer';
import type { EpochInterval } from '../calendar/epoch-intervals';
import { type JobCalendar, jobCalendar } from './job-calendar';
import { layerOpenIntervals } from '../calendar/layer-open-intervals';
import { epochDayOfIsoDate, startOfLocalDay } from '../calendar/zone-offsets';
import { localMidnights } from './local-midnights';
import { intersectMerged } from './merged-intervals';
import {
  type CriterionWeights,
  type ProposalMeasures,
  type ProposalScore,
  proposalScorer,
} from './proposal-score';
import { type HeldSkill, type RequiredSkill, type SkillMatch, matchSkill, skillMargin } from './skill-match';
import { type Booking, type SlotQuestion, earliestGridStarts } from './start-windows';
import { type GeoPoint, type TravelModel, estimateTravel } from './travel-estimate';
import {
  type MaterialNeed,
  type MaterialsFit,
  type SharedMaterialLines,
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
 *
 * Asked over a whole organisation (thousands of technicians, most of them lacking a skill), so the
 * cheap rules run first and only those who pass them get calendar work, and the answer for an
 * excluded technician is built from what is already known, sharing the immutable parts (a skill's
 * match and exclusion, a material's line, a score's line) between technicians: on this runtime
 * every object of the answer costs more in garbage collection than the arithmetic around it, and
 * the answer so far is copied by every collection of the young generation while it is built.
 */
export function proposeTechnicians(
  job: ProposalJob,
  candidates: readonly ProposalCandidate[],
  settings: ProposalSettings,
): TechnicianProposal[] {
  const context = jobContext(job, settings);
  const proposed: TechnicianProposal[] = [];
  const excluded: TechnicianProposal[] = [];
  // Who the proposed are, for the few counterfactuals: their questions are asked again rather than
  // kept, hundreds of them, through every collection of the young generation until the answer is out.
  const proposedCandidates = new Map<string, ProposalCandidate>();
  // Indexed: this loop runs once per request, often before it is optimized, and an iterator
  // allocates a result object per technician until it is.
  for (let i = 0; i < candidates.length; i++) {
    const proposal = proposeOne(job, candidates[i]!, settings, context, proposedCandidates);
    (proposal.status === 'proposed' ? proposed : excluded).push(proposal);
  }
  // The order of one sort over all (proposed before excluded, then score, start, code), in two
  // sorts: the excluded have neither score nor start, so code alone orders them (sorts are stable).
  sortByScore(proposed);
  if (!inCodeOrder(excluded)) excluded.sort(compareCodes);
  // Counterfactuals cost a few window computations each: worked out for the proposals a dispatcher
  // reads first, not for hundreds further down.
  for (let rank = 0; rank < Math.min(COUNTERFACTUAL_RANKS, proposed.length); rank++) {
    const candidate = proposedCandidates.get(proposed[rank]!.technicianCode);
    if (candidate) proposed[rank] = withCounterfactual(proposed[rank]!, job, candidate, settings, context);
  }
  return proposed.concat(excluded);
}

/** The proposal with the cheapest move that frees an earlier start, if a move does. */
function withCounterfactual(
  proposal: TechnicianProposal,
  job: ProposalJob,
  candidate: ProposalCandidate,
  settings: ProposalSettings,
  context: JobContext,
): TechnicianProposal {
  const skills = matchRequired(job.requiredSkills, candidate.skills, context);
  const question = slotQuestion(job, candidate, skills, settings, context);
  const counterfactual = cheapestMove(question, settings.gridMinutes, proposal.slot!.start);
  return counterfactual ? { ...proposal, counterfactual } : proposal;
}

const compareCodes = (a: TechnicianProposal, b: TechnicianProposal) =>
  a.technicianCode < b.technicianCode ? -1 : a.technicianCode > b.technicianCode ? 1 : 0;

/**
 * Best score first, then earliest start, then code; in place and stable. The keys are read into
 * arrays of numbers first and the positions sorted on them: a comparison that follows each
 * proposal to its score and slot (and their boxed numbers) costs a cache miss or four, hundreds
 * of proposals times a dozen comparisons each.
 */
function sortByScore(proposed: TechnicianProposal[]): void {
  const totals = new Float64Array(proposed.length);
  const starts = new Float64Array(proposed.length);
  const positions = new Array<number>(proposed.length);
  for (let i = 0; i < proposed.length; i++) {
    totals[i] = proposed[i]!.score!.total;
    starts[i] = proposed[i]!.slot!.start;
    positions[i] = i;
  }
  positions.sort(
    (i, j) => totals[j]! - totals[i]! || starts[i]! - starts[j]! || compareCodes(proposed[i]!, proposed[j]!),
  );
  const unsorted = proposed.slice();
  for (let k = 0; k < positions.length; k++) proposed[k] = unsorted[positions[k]!]!;
}

/**
 * Whether the proposals already are in code order, as candidates usually come: one comparison each,
 * half of what sorting them (already sorted) costs.
 */
function inCodeOrder(proposals: readonly TechnicianProposal[]): boolean {
  for (let i = 1; i < proposals.length; i++) {
    if (proposals[i - 1]!.technicianCode > proposals[i]!.technicianCode) return false;
  }
  return true;
}

/** Proposals (best first) that get a counterfactual. */
const COUNTERFACTUAL_RANKS = 20;

interface JobContext extends JobCalendar {
  today: string;
  /** Local midnights in the site's zone from the day before the earliest start to past the horizon. */
  midnights: number[];
  /** Per required skill (same order), the match and exclusion of a technician who lacks it. */
  missing: { match: SkillMatch; exclusion: Exclusion }[];
  /** Per required skill (same order), the matches of those who hold it: per level, per certificate. */
  held: Map<number, Map<Certificate, SkillMatch>>[];
  /** certificatesEnd per earliest last day: technicians share the few dates certificates end on. */
  certificateEnds: Map<string, number>;
  /** The technician's open stretches within the site's (per technician stretches: shared by a unit). */
  withSite: Map<readonly EpochInterval[], readonly EpochInterval[]>;
  /** The organisation's weights read once, the lines shared (see proposalScorer). */
  score: (measures: ProposalMeasures) => ProposalScore;
  /** Material lines, shared between technicians (see materialsFit). */
  materialLines: SharedMaterialLines;
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
    missing: job.requiredSkills.map((required) => {
      const match = matchSkill(required, undefined, '');
      return { match, exclusion: exclusionFor(match)! };
    }),
    held: job.requiredSkills.map(() => new Map()),
    certificateEnds: new Map(),
    withSite: new Map(),
    score: proposalScorer(settings.weights),
    materialLines: new Map(),
  };
}

function proposeOne(
  job: ProposalJob,
  candidate: ProposalCandidate,
  settings: ProposalSettings,
  context: JobContext,
  proposedCandidates: Map<string, ProposalCandidate>,
): TechnicianProposal {
  const skills = matchRequired(job.requiredSkills, candidate.skills, context);
  const zone = zoneFit(job.site.zoneCode, candidate.servedZones, candidate.neighbourZones);
  const materials = materialsFit(job.materials, candidate.van, candidate.warehouses, context.materialLines);
  const exclusions = standingExclusions(candidate, skills, context);
  if (exclusions) return excludedProposal(candidate, skills, zone, materials, exclusions);

  const question = slotQuestion(job, candidate, skills, settings, context);
  const starts = earliestGridStarts(question, settings.gridMinutes, Math.max(1, 1 + settings.alternatives));
  if (starts.length === 0) {
    const technicianOpen = context.openWhereAll(candidate.layers);
    const why = whyNoStart(job, candidate, technicianOpen, question.open, question.notAfter);
    return excludedProposal(candidate, skills, zone, materials, [why]);
  }
  proposedCandidates.set(candidate.technicianCode, candidate);
  const slot = slotAt(starts[0]!, job, candidate, settings);
  // A loop, not a map: a closure here would make every call allocate a context, excluded or not.
  const later = new Array<ProposedSlot>(starts.length - 1);
  for (let i = 1; i < starts.length; i++) later[i - 1] = slotAt(starts[i]!, job, candidate, settings);
  const score = context.score({
    minutesUntilStart: Math.round((slot.start - job.notBefore) / MINUTE),
    withinDeadline: slot.withinDeadline,
    zone,
    travelMinutes: slot.travelMinutes,
    materials: materials.status,
    skillMargin: skillMargin(skills),
    bookedMinutesThatDay: bookedMinutesOn(candidate.bookings, slot.start, context.midnights),
  });
  return {
    technicianCode: candidate.technicianCode,
    name: candidate.name,
    skills,
    zone,
    materials,
    alternatives: later,
    status: 'proposed',
    exclusions: [],
    slot,
    score,
  };
}

/** Where and when a technician who passes the standing rules may start. */
function slotQuestion(
  job: ProposalJob,
  candidate: ProposalCandidate,
  skills: readonly SkillMatch[],
  settings: ProposalSettings,
  context: JobContext,
): SlotQuestion {
  // A certificate valid today but ending within the horizon limits how late the visit may start.
  const notAfter = Math.min(context.horizonEnd, certificatesEndOf(skills, job.site.timeZone, context));
  const technicianOpen = context.openWhereAll(candidate.layers);
  const open = context.siteOpen ? withinSite(technicianOpen, context.siteOpen, context) : technicianOpen;
  return {
    open,
    bookings: candidate.bookings,
    durationMinutes: job.durationMinutes,
    site: job.site.location,
    travel: settings.travel,
    notBefore: job.notBefore,
    notAfter,
  };
}

/** The answer for an excluded technician; the keys in the order the proposed ones have them. */
function excludedProposal(
  candidate: ProposalCandidate,
  skills: SkillMatch[],
  zone: ZoneFit,
  materials: MaterialsFit,
  exclusions: Exclusion[],
): TechnicianProposal {
  return {
    technicianCode: candidate.technicianCode,
    name: candidate.name,
    skills,
    zone,
    materials,
    alternatives: [],
    status: 'excluded',
    exclusions,
  };
}

/**
 * matchSkills, each match shared by all who hold the skill alike (or lack it). Arrays are
 * made at their final length (as map makes them) rather than grown by push, which allocates spare
 * room: thousands of these live until the answer is returned. Filled in a loop rather than by map,
 * whose callback would need a closure (and a context) per technician.
 */
function matchRequired(
  required: readonly RequiredSkill[],
  held: ReadonlyMap<string, HeldSkill>,
  context: JobContext,
): SkillMatch[] {
  const matches = new Array<SkillMatch>(required.length);
  for (let i = 0; i < required.length; i++) {
    const entry = held.get(required[i]!.skillCode);
    matches[i] = entry
      ? heldMatch(required[i]!, entry, context.held[i]!, context)
      : context.missing[i]!.match;
  }
  return matches;
}

/** A certificate's last day; NOT_CERTIFIED for a skill that needs none (its date means nothing). */
type Certificate = string | undefined | typeof NOT_CERTIFIED;
const NOT_CERTIFIED = Symbol('not certified');

/**
 * matchSkill for a skill held, the same (immutable) match for everyone holding it alike: what it
 * says follows from the level and the certificate alone (a Map takes -0 for 0: that one is made anew).
 */
function heldMatch(
  required: RequiredSkill,
  skill: HeldSkill,
  shared: Map<number, Map<Certificate, SkillMatch>>,
  context: JobContext,
): SkillMatch {
  if (Object.is(skill.level, -0)) return matchSkill(required, skill, context.today);
  const certificate = skill.certified ? skill.certifiedUntil : NOT_CERTIFIED;
  let byCertificate = shared.get(skill.level);
  if (!byCertificate) shared.set(skill.level, (byCertificate = new Map()));
  let match = byCertificate.get(certificate);
  if (!match) byCertificate.set(certificate, (match = matchSkill(required, skill, context.today)));
  return match;
}

/**
 * Reasons that hold whatever the time: inactive, skills missing or too low, no certificate;
 * undefined when there is none. Counted first so that the array is made at its final length: one
 * grown by push keeps room for sixteen, and a technician lacking two skills is the common case.
 */
function standingExclusions(
  candidate: ProposalCandidate,
  skills: readonly SkillMatch[],
  context: JobContext,
): Exclusion[] | undefined {
  let count = candidate.active ? 0 : 1;
  for (const match of skills) if (match.verdict !== 'met') count++;
  if (count === 0) return undefined;
  const exclusions = new Array<Exclusion>(count);
  let n = 0;
  if (!candidate.active) exclusions[n++] = INACTIVE;
  for (let i = 0; i < skills.length; i++) {
    const match = skills[i]!;
    if (match.verdict === 'met') continue;
    exclusions[n++] =
      match === context.missing[i]!.match ? context.missing[i]!.exclusion : exclusionFor(match)!;
  }
  return exclusions;
}

const INACTIVE: Exclusion = { code: 'inactive' };

/** The exclusion a skill not met gives; undefined for one met. */
function exclusionFor(match: SkillMatch): Exclusion | undefined {
  switch (match.verdict) {
    case 'met':
      return undefined;
    case 'missing':
      return { code: 'missing_skill', skillCode: match.skillCode, minLevel: match.minLevel };
    case 'level_too_low':
      return {
        code: 'skill_level_too_low',
        skillCode: match.skillCode,
        minLevel: match.minLevel,
        heldLevel: match.heldLevel!,
      };
    case 'certificate_missing':
      return { code: 'certificate_missing', skillCode: match.skillCode };
    case 'certificate_expired':
      return {
        code: 'certificate_expired',
        skillCode: match.skillCode,
        certifiedUntil: match.certifiedUntil!,
      };
  }
}

/** The first instant no required certificate covers any more (the day after the earliest last day). */
export function certificatesEnd(skills: readonly SkillMatch[], timeZone: string): number {
  const lastDay = earliestLastDay(skills);
  return lastDay === undefined ? Number.POSITIVE_INFINITY : dayAfterStarts(lastDay, timeZone);
}

/** certificatesEnd, each last day's instant worked out once per question. */
function certificatesEndOf(skills: readonly SkillMatch[], timeZone: string, context: JobContext): number {
  const lastDay = earliestLastDay(skills);
  if (lastDay === undefined) return Number.POSITIVE_INFINITY;
  let end = context.certificateEnds.get(lastDay);
  if (end === undefined) context.certificateEnds.set(lastDay, (end = dayAfterStarts(lastDay, timeZone)));
  return end;
}

function earliestLastDay(skills: readonly SkillMatch[]): string | undefined {
  let earliest: string | undefined;
  for (const match of skills) {
    if (match.certifiedUntil && (earliest === undefined || match.certifiedUntil < earliest))
      earliest = match.certifiedUntil;
  }
  return earliest;
}

/** The start of the day after a 'YYYY-MM-DD' (read by hand when written plainly, as certificates are). */
function dayAfterStarts(lastDay: string, timeZone: string): number {
  const epochDay = epochDayOfIsoDate(lastDay);
  if (epochDay !== undefined) return startOfLocalDay(epochDay + 1, timeZone);
  return Temporal.PlainDate.from(lastDay).add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** The technician's stretches within the site's: technicians of a unit share theirs, so once per unit. */
function withinSite(
  technicianOpen: readonly EpochInterval[],
  siteOpen: readonly EpochInterval[],
  context: JobContext,
): readonly EpochInterval[] {
  let open = context.withSite.get(technicianOpen);
  if (!open) context.withSite.set(technicianOpen, (open = intersectMerged(technicianOpen, siteOpen)));
  return open;
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
  // The booking the technician drives from: the latest ending at or before the start, that day
  // (the first of those ending at the same time).
  let previous: Booking | undefined;
  for (const booking of candidate.bookings) {
    if (
      booking.to <= start &&
      start - booking.to < 12 * 60 * MINUTE &&
      (!previous || booking.to > previous.to)
    )
      previous = booking;
  }
  const travel = previous ? estimateTravel(previous.location, job.site.location, settings.travel) : undefined;
  // Optional keys set one by one (same order as the type lists them), not spread in: cheaper.
  const slot: Mutable<ProposedSlot> = { start, end };
  if (previous) slot.after = { bookingId: previous.id, label: previous.label };
  if (travel) {
    slot.travelMinutes = travel.minutes;
    slot.travelKm = travel.km;
  }
  if (job.deadline !== undefined) slot.withinDeadline = end <= job.deadline;
  return slot;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
    const [start] = earliestGridStarts(without, gridMinutes, 1);
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
