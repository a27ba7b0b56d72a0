import { intersectIntervals } from '../calendar/epoch-intervals';
import { jobCalendar } from './job-calendar';
import type { ProposalCandidate, ProposalJob, ProposalSettings } from './propose-technicians';
import { matchSkills } from './skill-match';
import { type StartWindow, gridStarts, startWindows } from './start-windows';

const MINUTE = 60_000;

/** A crew member and the required skills they bring. */
export interface CrewMember {
  readonly technicianCode: string;
  readonly name: string;
  readonly skillCodes: readonly string[];
}

/** Technicians who together hold every skill the job needs and are all free at the same start. */
export interface CrewProposal {
  readonly members: readonly CrewMember[];
  readonly start: number;
  readonly end: number;
  readonly withinDeadline?: boolean;
}

export interface CrewOptions {
  /** Largest crew tried (2 or 3: a synchronized intervention is a pair or a trio). */
  readonly maxSize: number;
  /** How many crews to answer. */
  readonly limit: number;
}

export const DEFAULT_CREW_OPTIONS: CrewOptions = { maxSize: 3, limit: 5 };

/**
 * Crews for a job no single technician can do alone: the smallest teams whose members together
 * hold every required skill (each member bringing at least one, none redundant), with the earliest
 * start at which all of them are free for the whole visit — the same start for everyone, as a
 * synchronized intervention needs. Smaller crews first, then earlier starts, then codes.
 *
 * Each member's free starts are worked out once (the same windows the single proposals use); a
 * crew's starts are the intersection of its members' windows, so trying every pair and trio of a
 * centre's technicians stays cheap.
 */
export function proposeCrews(
  job: ProposalJob,
  candidates: readonly ProposalCandidate[],
  settings: ProposalSettings,
  options: CrewOptions = DEFAULT_CREW_OPTIONS,
): CrewProposal[] {
  const required = job.requiredSkills.map((skill) => skill.skillCode);
  if (required.length < 2) return [];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: job.site.timeZone }).format(
    new Date(job.notBefore),
  );
  const { horizonEnd, openWhereAll, siteOpen } = jobCalendar(job, settings);

  const members = candidates.flatMap((candidate) => {
    if (!candidate.active) return [];
    const brings = matchSkills(job.requiredSkills, candidate.skills, today)
      .filter((match) => match.verdict === 'met')
      .map((match) => match.skillCode);
    if (brings.length === 0) return [];
    const own = openWhereAll(candidate.layers);
    const windows = startWindows({
      open: siteOpen ? intersectIntervals(own, siteOpen) : own,
      bookings: candidate.bookings,
      durationMinutes: job.durationMinutes,
      ...(job.site.location && { site: job.site.location }),
      travel: settings.travel,
      notBefore: job.notBefore,
      notAfter: horizonEnd,
    });
    return windows.length === 0
      ? []
      : [
          {
            member: { technicianCode: candidate.technicianCode, name: candidate.name, skillCodes: brings },
            windows,
          },
        ];
  });

  const crews: CrewProposal[] = [];
  const tryCrew = (team: typeof members) => {
    const covered = new Set(team.flatMap(({ member }) => member.skillCodes));
    if (!required.every((skill) => covered.has(skill))) return;
    // Minimal: without any one member the skills would no longer be covered.
    const redundant = team.some((_, index) => {
      const others = new Set(team.filter((__, i) => i !== index).flatMap(({ member }) => member.skillCodes));
      return required.every((skill) => others.has(skill));
    });
    if (redundant) return;
    const shared = team
      .slice(1)
      .reduce<StartWindow[]>((acc, { windows }) => intersectWindows(acc, windows), team[0]!.windows);
    const [start] = gridStarts(shared, settings.gridMinutes);
    if (start === undefined) return;
    const end = start + job.durationMinutes * MINUTE;
    crews.push({
      members: team.map(({ member }) => member),
      start,
      end,
      ...(job.deadline !== undefined && { withinDeadline: end <= job.deadline }),
    });
  };
  for (let size = 2; size <= options.maxSize; size++) combinations(members, size, tryCrew);

  return crews
    .sort(
      (a, b) =>
        a.members.length - b.members.length ||
        a.start - b.start ||
        a.members
          .map((m) => m.technicianCode)
          .join()
          .localeCompare(b.members.map((m) => m.technicianCode).join()),
    )
    .slice(0, options.limit);
}

/** Starts allowed by both lists of windows (closed intervals). */
export function intersectWindows(a: readonly StartWindow[], b: readonly StartWindow[]): StartWindow[] {
  const result: StartWindow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const earliest = Math.max(a[i]!.earliest, b[j]!.earliest);
    const latest = Math.min(a[i]!.latest, b[j]!.latest);
    if (earliest <= latest) result.push({ earliest, latest });
    if (a[i]!.latest < b[j]!.latest) i++;
    else j++;
  }
  return result;
}

function combinations<T>(
  items: readonly T[],
  size: number,
  visit: (team: T[]) => void,
  from = 0,
  team: T[] = [],
): void {
  if (team.length === size) {
    visit(team);
    return;
  }
  for (let index = from; index <= items.length - (size - team.length); index++) {
    team.push(items[index]!);
    combinations(items, size, visit, index + 1, team);
    team.pop();
  }
}
