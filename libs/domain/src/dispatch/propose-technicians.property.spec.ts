import fc from 'fast-check';
import { isAvailable } from '../calendar/availability-queries';
import type { CalendarLayer } from '../calendar/calendar-layer';
import { DEFAULT_CRITERION_WEIGHTS } from './proposal-score';
import {
  type ProposalCandidate,
  type ProposalJob,
  type ProposalSettings,
  proposeTechnicians,
} from './propose-technicians';
import { heldSkills } from './skill-match';
import { DEFAULT_TRAVEL_MODEL, estimateTravel } from './travel-estimate';

const MINUTE = 60_000;
const GRID = 15;
/** Friday 27 November 2026, 06:00 UTC: the horizon crosses a weekend. */
const START = Date.UTC(2026, 10, 27, 6);
const HORIZON_DAYS = 3;
const settings: ProposalSettings = {
  weights: DEFAULT_CRITERION_WEIGHTS,
  travel: DEFAULT_TRAVEL_MODEL,
  gridMinutes: GRID,
  horizonDays: HORIZON_DAYS,
  alternatives: 3,
};
const SKILLS = ['GAS', 'ELEC', 'LIFT'];

const hours: CalendarLayer = {
  name: 'Unit hours',
  timeZone: 'Europe/Rome',
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((day) => [
      day,
      [{ from: '08:00', to: '18:00' }],
    ]),
  ),
  holidays: { country: 'IT' },
};

const place = fc.option(
  fc.record({
    lat: fc.double({ min: 45.3, max: 45.7, noNaN: true }),
    lon: fc.double({ min: 9.0, max: 9.4, noNaN: true }),
  }),
  { nil: undefined, freq: 3 },
);
const quarterIn = (days: number) =>
  fc.integer({ min: 0, max: days * 24 * 4 }).map((q) => START + q * 15 * MINUTE);
const localDate = (epoch: number) => new Date(epoch).toISOString().slice(0, 10);

const candidate = (code: string): fc.Arbitrary<ProposalCandidate> =>
  fc
    .record({
      skills: fc.subarray(SKILLS).chain((codes) =>
        fc.tuple(
          ...codes.map((skillCode) =>
            fc.record({
              skillCode: fc.constant(skillCode),
              level: fc.integer({ min: 1, max: 5 }),
              certifiedUntil: fc
                .integer({ min: -2, max: 6 })
                .map((d) => localDate(START + d * 24 * 60 * MINUTE)),
            }),
          ),
        ),
      ),
      leave: fc.option(
        fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([from, length]) => ({
          from: localDate(START + from * 24 * 60 * MINUTE),
          to: localDate(START + (from + length) * 24 * 60 * MINUTE),
        })),
        { nil: undefined },
      ),
      bookings: fc.array(
        fc.record({
          from: quarterIn(HORIZON_DAYS),
          quarters: fc.integer({ min: 1, max: 24 }),
          location: place,
        }),
        { maxLength: 10 },
      ),
      active: fc.boolean().map((b) => b || Math.random() < 0.9),
    })
    .map(({ skills, leave, bookings, active }) => {
      const own: CalendarLayer = {
        name: `Tech ${code}`,
        timeZone: 'Europe/Rome',
        ...(leave && {
          exceptions: [{ kind: 'closed' as const, from: leave.from, to: leave.to, reason: 'Leave' }],
        }),
      };
      return {
        technicianCode: code,
        name: code,
        active,
        skills: heldSkills([], skills, new Set(['GAS'])),
        servedZones: new Set(['Z']),
        neighbourZones: new Set(),
        layers: [hours, own],
        bookings: bookings.map(({ from, quarters, location }, index) => ({
          id: `${code}-${index}`,
          from,
          to: from + quarters * 15 * MINUTE,
          label: `${code}-${index}`,
          ...(location && { location }),
        })),
        van: new Map(),
        warehouses: [],
      };
    });

const job: fc.Arbitrary<ProposalJob> = fc
  .record({
    skills: fc.subarray(SKILLS, { maxLength: 2 }),
    minLevel: fc.integer({ min: 1, max: 4 }),
    duration: fc.integer({ min: 1, max: 16 }).map((q) => q * 15),
    location: place,
    notBefore: quarterIn(1).map((t) => t + 7 * MINUTE),
    siteMornings: fc.boolean(),
  })
  .map(({ skills, minLevel, duration, location, notBefore, siteMornings }) => ({
    site: {
      code: 'S',
      zoneCode: 'Z',
      ...(location && { location }),
      timeZone: 'Europe/Rome',
      accessLayers: siteMornings
        ? [
            {
              name: 'Site access',
              timeZone: 'Europe/Rome',
              weeklyHours: Object.fromEntries(
                (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
                  day,
                  [{ from: '07:00', to: '13:00' }],
                ]),
              ),
            },
          ]
        : [],
    },
    requiredSkills: skills.map((skillCode) => ({ skillCode, minLevel })),
    durationMinutes: duration,
    materials: [],
    notBefore,
  }));

/** The brute-force judge: the calendar queries, every booking with its drives, the skills on the day. */
function feasible(j: ProposalJob, c: ProposalCandidate, start: number): boolean {
  const end = start + j.durationMinutes * MINUTE;
  const from = new Date(start).toISOString();
  const to = new Date(end).toISOString();
  if (!isAvailable([...c.layers, ...j.site.accessLayers], from, to).available) return false;
  const clear = c.bookings.every((b) => {
    const there = estimateTravel(b.location, j.site.location, settings.travel)?.minutes ?? 0;
    const back = estimateTravel(j.site.location, b.location, settings.travel)?.minutes ?? 0;
    return end + back * MINUTE <= b.from || b.to + there * MINUTE <= start;
  });
  if (!clear) return false;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(start));
  return j.requiredSkills.every(({ skillCode, minLevel }) => {
    const held = c.skills.get(skillCode);
    if (!c.active || !held || held.level < minLevel) return false;
    return !held.certified || (held.certifiedUntil !== undefined && held.certifiedUntil >= day);
  });
}

describe('proposing technicians (property-based)', () => {
  it('never proposes someone lacking a skill, off calendar or double booked, and the earliest start is the earliest', () => {
    fc.assert(
      fc.property(job, candidate('A'), candidate('B'), (j, a, b) => {
        const skillsToday = (c: ProposalCandidate) => feasibleSkillsOn(j, c, j.notBefore);
        for (const proposal of proposeTechnicians(j, [a, b], settings)) {
          const c = proposal.technicianCode === 'A' ? a : b;
          if (proposal.status === 'excluded') {
            expect(proposal.slot).toBeUndefined();
            expect(proposal.exclusions.length).toBeGreaterThan(0);
            // Excluded for good reason: no grid start in the horizon is feasible.
            if (skillsToday(c)) expect(firstFeasible(j, c)).toBeUndefined();
            continue;
          }
          const { start } = proposal.slot!;
          expect(feasible(j, c, start)).toBe(true);
          for (const alternative of proposal.alternatives)
            expect(feasible(j, c, alternative.start)).toBe(true);
          expect(start).toBe(firstFeasible(j, c));
        }
      }),
      { numRuns: 50 },
    );
  });
});

function feasibleSkillsOn(j: ProposalJob, c: ProposalCandidate, at: number): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(at));
  return (
    c.active &&
    j.requiredSkills.every(({ skillCode, minLevel }) => {
      const held = c.skills.get(skillCode);
      return (
        held !== undefined &&
        held.level >= minLevel &&
        (!held.certified || (held.certifiedUntil ?? '') >= day)
      );
    })
  );
}

/** Every quarter hour from the job's earliest to the horizon, checked one by one. */
function firstFeasible(j: ProposalJob, c: ProposalCandidate): number | undefined {
  const grid = GRID * MINUTE;
  const last = j.notBefore + HORIZON_DAYS * 24 * 60 * MINUTE;
  for (let start = Math.ceil(j.notBefore / grid) * grid; start <= last; start += grid) {
    if (feasible(j, c, start)) return start;
  }
  return undefined;
}
