import fc from 'fast-check';
import { DomainError } from '../kernel/domain-error';
import {
  type TechnicianScheduleCommand,
  type TechnicianScheduleState,
  technicianScheduleDecider,
} from './technician-schedule.decider';

const T = 'TECH-1';
const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
// Quarter hours over one day, so collisions, touching ends and moves onto busy slots are frequent.
const start = fc
  .integer({ min: 0, max: 24 * 4 })
  .map((q) => new Date(Date.UTC(2026, 10, 28, 0, q * 15)).toISOString());
const duration = fc.integer({ min: 1, max: 16 }).map((q) => q * 15);
const appointmentId = fc.constantFrom(...ids);
const displace = fc.option(
  fc.array(fc.record({ appointmentId, action: fc.constantFrom('suspend' as const, 'remove' as const) }), {
    maxLength: 3,
  }),
  { nil: undefined, freq: 1 },
);

const command: fc.Arbitrary<TechnicianScheduleCommand> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('reserve' as const),
      technicianCode: fc.constant(T),
      appointmentId,
      requestId: appointmentId.map((id) => `R-${id}`),
      start,
      durationMinutes: duration,
      displace,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('move' as const),
      technicianCode: fc.constant(T),
      appointmentId,
      start,
      durationMinutes: duration,
      displace,
    }),
  },
  fc.record({
    type: fc.constant('release' as const),
    technicianCode: fc.constant(T),
    appointmentId,
    reason: fc.constant('unassigned'),
  }),
  fc.record({
    type: fc.constantFrom('suspend' as const),
    technicianCode: fc.constant(T),
    appointmentId,
    reason: fc.constant('parts'),
  }),
  fc.record({ type: fc.constant('resume' as const), technicianCode: fc.constant(T), appointmentId }),
  fc.record({ type: fc.constant('confirm' as const), technicianCode: fc.constant(T), appointmentId }),
);

/** Applies commands in turn, as the stream would: a refused command changes nothing. */
function run(
  initial: TechnicianScheduleState,
  commands: TechnicianScheduleCommand[],
  each: (state: TechnicianScheduleState) => void = () => undefined,
): TechnicianScheduleState {
  let state = initial;
  for (const next of commands) {
    try {
      state = technicianScheduleDecider.decide(next, state).reduce(technicianScheduleDecider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'schedule_conflict') conflictsSeen += 1;
    }
    each(state);
  }
  return state;
}
let conflictsSeen = 0;

function holdingTime(state: TechnicianScheduleState) {
  return Object.values(state.appointments).filter((a) => a.status !== 'suspended');
}

describe('technician schedule decider, for any sequence of commands', () => {
  it('never lets two appointments that hold time overlap, and only refuses with a DomainError', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 40 }), (commands) => {
        run(technicianScheduleDecider.initialState, commands, (state) => {
          const busy = holdingTime(state);
          for (const a of busy) {
            for (const b of busy) {
              if (a !== b && a.start < b.end && b.start < a.end) {
                throw new Error(
                  `${a.appointmentId} ${a.start}–${a.end} overlaps ${b.appointmentId} ${b.start}–${b.end}`,
                );
              }
            }
          }
        });
      }),
      { numRuns: 500 },
    );
    // The property means something only if the generated commands do collide.
    expect(conflictsSeen).toBeGreaterThan(50);
  });

  it('decides nothing when a command that succeeded is repeated (a retry)', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 20 }), command, (history, repeated) => {
        const state = run(technicianScheduleDecider.initialState, history);
        let after: TechnicianScheduleState;
        try {
          after = technicianScheduleDecider
            .decide(repeated, state)
            .reduce(technicianScheduleDecider.evolve, state);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return;
        }
        expect(technicianScheduleDecider.decide(repeated, after)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
