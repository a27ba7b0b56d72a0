import fc from 'fast-check';
import type { CalendarLayer } from '../calendar/calendar-layer';
import { DEFAULT_CRITERION_WEIGHTS } from './proposal-score';
import { proposeCrews, intersectWindows } from './propose-crews';
import { DEFAULT_PROPOSAL_SETTINGS, type ProposalCandidate, type ProposalJob } from './propose-technicians';
import { heldSkills } from './skill-match';
import { DEFAULT_TRAVEL_MODEL } from './travel-estimate';

const rome = (local: string) => Date.parse(`${local}+01:00`);
const settings = {
  ...DEFAULT_PROPOSAL_SETTINGS,
  weights: DEFAULT_CRITERION_WEIGHTS,
  travel: DEFAULT_TRAVEL_MODEL,
};
const hours: CalendarLayer = {
  name: 'Hours',
  timeZone: 'Europe/Rome',
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [{ from: '08:00', to: '17:00' }]]),
  ),
};
const job: ProposalJob = {
  site: { code: 'S', zoneCode: 'Z', timeZone: 'Europe/Rome', accessLayers: [] },
  requiredSkills: [
    { skillCode: 'GAS', minLevel: 1 },
    { skillCode: 'ELEC', minLevel: 1 },
  ],
  durationMinutes: 120,
  materials: [],
  notBefore: rome('2026-11-30T07:00'),
};
const tech = (
  code: string,
  skills: string[],
  bookings: ProposalCandidate['bookings'] = [],
): ProposalCandidate => ({
  technicianCode: code,
  name: code,
  active: true,
  skills: heldSkills(skills, [], new Set()),
  servedZones: new Set(['Z']),
  neighbourZones: new Set(),
  layers: [hours],
  bookings,
  van: new Map(),
  warehouses: [],
});

describe('crews for a synchronized intervention', () => {
  it('pairs technicians whose skills together cover the job, at the first start both are free', () => {
    const gas = tech(
      'GAS-1',
      ['GAS'],
      [{ id: 'b', from: rome('2026-11-30T08:00'), to: rome('2026-11-30T10:00'), label: 'b' }],
    );
    const elec = tech('ELEC-1', ['ELEC']);
    const both = tech('BOTH', ['GAS', 'ELEC']);
    const crews = proposeCrews(job, [gas, elec, both], settings);
    // BOTH alone covers the job (that is a single proposal), so it never pairs with a redundant partner.
    expect(crews).toEqual([
      {
        members: [
          { technicianCode: 'GAS-1', name: 'GAS-1', skillCodes: ['GAS'] },
          { technicianCode: 'ELEC-1', name: 'ELEC-1', skillCodes: ['ELEC'] },
        ],
        start: rome('2026-11-30T10:00'),
        end: rome('2026-11-30T12:00'),
      },
    ]);
  });

  it('proposes no crew for a one-skill job, nor one whose members never share a free stretch', () => {
    expect(
      proposeCrews(
        { ...job, requiredSkills: [{ skillCode: 'GAS', minLevel: 1 }] },
        [tech('A', ['GAS']), tech('B', ['GAS'])],
        settings,
      ),
    ).toEqual([]);
    const allWeek = (from: string, to: string) => [{ id: 'x', from: rome(from), to: rome(to), label: 'x' }];
    const morningOnly = tech('GAS-1', ['GAS'], allWeek('2026-11-30T12:00', '2026-12-20T00:00'));
    const afternoonOnly = tech(
      'ELEC-1',
      ['ELEC'],
      [
        ...allWeek('2026-11-30T07:00', '2026-11-30T13:00'),
        ...allWeek('2026-12-01T00:00', '2026-12-20T00:00'),
      ],
    );
    expect(proposeCrews(job, [morningOnly, afternoonOnly], { ...settings, horizonDays: 7 })).toEqual([]);
  });

  it('intersects windows as sets of starts (property)', () => {
    const windows = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 50 })), { maxLength: 8 })
      .map((pairs) => {
        const sorted = pairs
          .map(([a, l]) => ({ earliest: a, latest: a + l }))
          .sort((x, y) => x.earliest - y.earliest);
        // Disjoint and ordered, as startWindows gives them.
        const kept: { earliest: number; latest: number }[] = [];
        for (const w of sorted)
          if (kept.length === 0 || w.earliest > kept[kept.length - 1]!.latest) kept.push(w);
        return kept;
      });
    fc.assert(
      fc.property(windows, windows, fc.integer({ min: 0, max: 1100 }), (a, b, t) => {
        const inside = (list: { earliest: number; latest: number }[]) =>
          list.some((w) => w.earliest <= t && t <= w.latest);
        expect(inside(intersectWindows(a, b))).toBe(inside(a) && inside(b));
      }),
      { numRuns: 2_000 },
    );
  });
});
