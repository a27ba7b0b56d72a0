import type { CalendarLayer } from '../calendar/calendar-layer';
import { DEFAULT_CRITERION_WEIGHTS } from './proposal-score';
import {
  DEFAULT_PROPOSAL_SETTINGS,
  type ProposalCandidate,
  type ProposalJob,
  type ProposalSettings,
  proposeTechnicians,
} from './propose-technicians';
import { heldSkills } from './skill-match';
import { DEFAULT_TRAVEL_MODEL } from './travel-estimate';

const MINUTE = 60_000;
/** Monday 30 November 2026, 07:00 in Milan (06:00 UTC). */
const MONDAY_7 = Date.UTC(2026, 10, 30, 6);
const rome = (iso: string) => Date.parse(`${iso}+01:00`);

const settings: ProposalSettings = {
  ...DEFAULT_PROPOSAL_SETTINGS,
  weights: DEFAULT_CRITERION_WEIGHTS,
  travel: DEFAULT_TRAVEL_MODEL,
};
const milanoHours: CalendarLayer = {
  name: 'Milano centre',
  timeZone: 'Europe/Rome',
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [
      day,
      [
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '17:00' },
      ],
    ]),
  ),
  holidays: { country: 'IT' },
};
const duomo = { lat: 45.4642, lon: 9.19 };
const monza = { lat: 45.5845, lon: 9.2744 };

const job = (overrides: Partial<ProposalJob> = {}): ProposalJob => ({
  site: { code: 'S-1', zoneCode: 'Z-MI', location: duomo, timeZone: 'Europe/Rome', accessLayers: [] },
  requiredSkills: [{ skillCode: 'GAS', minLevel: 2 }],
  durationMinutes: 60,
  materials: [{ itemCode: 'FILTER', quantity: 1 }],
  notBefore: MONDAY_7,
  ...overrides,
});

const technician = (code: string, overrides: Partial<ProposalCandidate> = {}): ProposalCandidate => ({
  technicianCode: code,
  name: `Tech ${code}`,
  active: true,
  skills: heldSkills([], [{ skillCode: 'GAS', level: 3, certifiedUntil: '2027-12-31' }], new Set(['GAS'])),
  servedZones: new Set(['Z-MI']),
  neighbourZones: new Set(['Z-MB']),
  layers: [milanoHours],
  bookings: [],
  van: new Map([['FILTER', 2]]),
  warehouses: [],
  ...overrides,
});

describe('proposing technicians (examples)', () => {
  it('proposes the earliest start in working hours with later ones, and explains the score', () => {
    const [proposal] = proposeTechnicians(job(), [technician('T1')], settings);
    expect(proposal).toMatchObject({
      technicianCode: 'T1',
      status: 'proposed',
      zone: 'own',
      materials: { status: 'van' },
      slot: { start: rome('2026-11-30T08:00'), end: rome('2026-11-30T09:00') },
    });
    // The next starts: one per open stretch (after lunch, then the next days' mornings).
    expect(proposal!.alternatives.map((slot) => slot.start)).toEqual([
      rome('2026-11-30T13:00'),
      rome('2026-12-01T08:00'),
      rome('2026-12-01T13:00'),
    ]);
    const criteria = proposal!.score!.criteria;
    expect(criteria.map((c) => c.criterion)).toEqual([
      'start',
      'deadline',
      'zone',
      'travel',
      'materials',
      'skills',
      'workload',
    ]);
    const points = criteria.reduce((sum, c) => sum + c.points, 0);
    expect(proposal!.score!.total).toBeCloseTo(points, 1);
    expect(criteria.find((c) => c.criterion === 'start')).toMatchObject({ value: 60, weight: 30 });
  });

  it('excludes with the reason: a skill missing, a level too low, a certificate expired, inactive', () => {
    const proposals = proposeTechnicians(
      job(),
      [
        technician('NOSKILL', { skills: heldSkills(['ELEC'], [], new Set()) }),
        technician('LOW', {
          skills: heldSkills(
            [],
            [{ skillCode: 'GAS', level: 1, certifiedUntil: '2027-01-01' }],
            new Set(['GAS']),
          ),
        }),
        technician('EXPIRED', {
          skills: heldSkills(
            [],
            [{ skillCode: 'GAS', level: 4, certifiedUntil: '2026-11-01' }],
            new Set(['GAS']),
          ),
        }),
        technician('GONE', { active: false }),
      ],
      settings,
    );
    const byCode = new Map(proposals.map((p) => [p.technicianCode, p]));
    expect(proposals.every((p) => p.status === 'excluded' && p.slot === undefined)).toBe(true);
    expect(byCode.get('NOSKILL')!.exclusions).toEqual([
      { code: 'missing_skill', skillCode: 'GAS', minLevel: 2 },
    ]);
    expect(byCode.get('LOW')!.exclusions).toEqual([
      { code: 'skill_level_too_low', skillCode: 'GAS', minLevel: 2, heldLevel: 1 },
    ]);
    expect(byCode.get('EXPIRED')!.exclusions).toEqual([
      { code: 'certificate_expired', skillCode: 'GAS', certifiedUntil: '2026-11-01' },
    ]);
    expect(byCode.get('GONE')!.exclusions).toEqual([{ code: 'inactive' }]);
  });

  it('names the leave that keeps a technician away over the whole horizon, and until when', () => {
    const onLeave: CalendarLayer = {
      name: 'Tech T2',
      timeZone: 'Europe/Rome',
      exceptions: [{ kind: 'closed', from: '2026-11-27', to: '2026-12-20', reason: 'Annual leave' }],
    };
    const [proposal] = proposeTechnicians(job(), [technician('T2', { layers: [milanoHours, onLeave] })], {
      ...settings,
      horizonDays: 7,
    });
    expect(proposal).toMatchObject({ status: 'excluded' });
    expect(proposal!.exclusions).toEqual([
      { code: 'unavailable', layer: 'Tech T2', reason: 'Annual leave', until: rome('2026-12-21T00:00') },
    ]);
  });

  it('tells a full agenda apart, and offers the start a move would free', () => {
    const bookings = [0, 1, 2].flatMap((day) => {
      const date = `2026-${day === 0 ? '11-30' : `12-0${day}`}`;
      return [
        {
          id: `am-${day}`,
          from: rome(`${date}T08:00`),
          to: rome(`${date}T12:00`),
          label: `morning ${day}`,
          requestId: `R-am-${day}`,
        },
        {
          id: `pm-${day}`,
          from: rome(`${date}T13:00`),
          to: rome(`${date}T17:00`),
          label: `afternoon ${day}`,
        },
      ];
    });
    const [full] = proposeTechnicians(job(), [technician('T3', { bookings })], {
      ...settings,
      horizonDays: 2,
    });
    expect(full!.exclusions).toEqual([{ code: 'fully_booked', until: MONDAY_7 + 2 * 24 * 60 * MINUTE }]);

    const [busyMorning] = proposeTechnicians(
      job(),
      [technician('T3', { bookings: bookings.slice(0, 1) })],
      settings,
    );
    expect(busyMorning!.slot!.start).toBe(rome('2026-11-30T13:00'));
    expect(busyMorning!.counterfactual).toEqual({
      start: rome('2026-11-30T08:00'),
      ifMoves: { bookingId: 'am-0', label: 'morning 0', requestId: 'R-am-0' },
    });
  });

  it('counts the drive from the previous appointment and says where from', () => {
    const bookings = [
      {
        id: 'A',
        from: rome('2026-11-30T08:00'),
        to: rome('2026-11-30T09:00'),
        location: monza,
        label: 'Monza job',
      },
    ];
    const [proposal] = proposeTechnicians(job(), [technician('T4', { bookings })], settings);
    expect(proposal!.slot).toMatchObject({
      start: rome('2026-11-30T09:30'),
      after: { bookingId: 'A', label: 'Monza job' },
      travelMinutes: 30,
    });
    expect(proposal!.score!.criteria.find((c) => c.criterion === 'travel')).toMatchObject({ value: 30 });
  });

  it('ranks by the weighted score: own zone and van stock beat an earlier start far away, and weights can turn it', () => {
    const near = technician('NEAR', {
      bookings: [{ id: 'X', from: rome('2026-11-30T08:00'), to: rome('2026-11-30T09:00'), label: 'X' }],
    });
    const far = technician('FAR', {
      servedZones: new Set(['Z-BG']),
      neighbourZones: new Set(),
      van: new Map(),
    });
    const ranked = proposeTechnicians(job(), [far, near], settings).map((p) => p.technicianCode);
    expect(ranked).toEqual(['NEAR', 'FAR']);
    const onlySoonest = {
      ...settings,
      weights: { ...DEFAULT_CRITERION_WEIGHTS, zone: 0, materials: 0, start: 100 },
    };
    expect(proposeTechnicians(job(), [near, far], onlySoonest).map((p) => p.technicianCode)).toEqual([
      'FAR',
      'NEAR',
    ]);
  });

  it('judges the service level: a start that cannot end before the deadline is proposed but marked missed', () => {
    const [proposal] = proposeTechnicians(
      job({ deadline: rome('2026-11-30T08:30') }),
      [technician('T5')],
      settings,
    );
    expect(proposal!.slot!.withinDeadline).toBe(false);
    expect(proposal!.score!.criteria.find((c) => c.criterion === 'deadline')).toMatchObject({
      value: 'missed',
      points: 0,
    });
  });

  it('stops at the last day of a certificate that ends within the horizon', () => {
    const skills = heldSkills(
      [],
      [{ skillCode: 'GAS', level: 3, certifiedUntil: '2026-11-30' }],
      new Set(['GAS']),
    );
    const bookings = [
      { id: 'A', from: rome('2026-11-30T08:00'), to: rome('2026-11-30T17:00'), label: 'all day' },
    ];
    const [proposal] = proposeTechnicians(job(), [technician('T6', { skills, bookings })], settings);
    expect(proposal!.exclusions).toEqual([{ code: 'fully_booked', until: rome('2026-12-01T00:00') }]);
  });

  it('keeps to the site access windows', () => {
    const afternoonsOnly: CalendarLayer = {
      name: 'Site S-1 access',
      timeZone: 'Europe/Rome',
      weeklyHours: { mon: [{ from: '14:00', to: '18:00' }], tue: [{ from: '14:00', to: '18:00' }] },
    };
    const [proposal] = proposeTechnicians(
      job({ site: { ...job().site, accessLayers: [afternoonsOnly] } }),
      [technician('T7')],
      settings,
    );
    expect(proposal!.slot!.start).toBe(rome('2026-11-30T14:00'));
  });
});
