import fc from 'fast-check';
import { DomainError } from '../kernel/domain-error';
import type { ServiceRequestCommand } from './service-request-commands';
import { serviceRequestDecider, type ServiceRequestState } from './service-request.decider';
import { isAllowed, SERVICE_REQUEST_STATES, SERVICE_REQUEST_TRANSITIONS } from './service-request-states';

/** Mostly well-formed values, sometimes a bad one, so both the rules and the validation get hit. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: bad, weight: 1 });
// A small world, so that random commands often hit the same technicians and conditions.
const technician = mostly(fc.constantFrom('ANNA', 'BRUNO', 'CARLA'), fc.constant(''));
const condition = fc.constantFrom('NO-HEAT', 'LEAK', 'NOISE');
const words = mostly(fc.constantFrom('Fault', 'Customer absent', 'Pump worn'), fc.constant(''));
const day = fc.integer({ min: 0, max: 40 });
const at = day.map((d) => new Date(Date.UTC(2026, 2, 1 + d, 9)).toISOString());
const instant = mostly(at, fc.constant('not a date'));
const duration = mostly(fc.integer({ min: 1, max: 480 }), fc.constantFrom(0, -5, 1.5));
const slot = fc.record({ technicianCode: technician, start: instant, durationMinutes: duration });
const quantity = mostly(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1));

const open = fc.record({
  type: fc.constant('open' as const),
  requestId: fc.constant('SR-1'),
  at,
  source: fc.constantFrom(
    'desk' as const,
    'portal' as const,
    'preventive' as const,
    'device' as const,
    'external' as const,
  ),
  customerCode: fc.constant('ACME'),
  siteCode: fc.constant('ACME-1'),
  description: words,
  priority: fc.constantFrom('critical' as const, 'high' as const, 'normal' as const, 'low' as const),
  conditionCodes: fc.array(condition, { maxLength: 2 }),
  contact: fc.constant({ name: 'Mario' }),
  externalReference: fc.constantFrom('CRM-1', 'CRM-2'),
  explicitAcceptance: fc.boolean(),
});

const candidates: fc.Arbitrary<ServiceRequestCommand>[] = [
  open,
  fc.record({ type: fc.constant('accept' as const), at }),
  fc.record({ type: fc.constant('reject' as const), at, diagnosis: words }),
  fc.record({ type: fc.constant('attachCondition' as const), at, conditionCode: condition }),
  fc.record({ type: fc.constant('detachCondition' as const), at, conditionCode: condition }),
  fc.record({ type: fc.constant('recordRemoteCheck' as const), at, resolution: words }),
  fc.record({ type: fc.constant('assign' as const), at, assignments: fc.array(slot, { maxLength: 3 }) }),
  fc.record({
    type: fc.constant('reschedule' as const),
    at,
    technicianCode: technician,
    start: instant,
    durationMinutes: duration,
  }),
  fc.record({ type: fc.constant('unassign' as const), at, technicianCode: technician }),
  fc.record({ type: fc.constant('suspend' as const), at, reason: words }),
  fc.record({ type: fc.constant('resume' as const), at }),
  fc.record({ type: fc.constant('cancel' as const), at, reason: words }),
  fc.record({
    type: fc.constant('renounce' as const),
    at,
    technicianCode: technician,
    reasonCode: mostly(fc.constant('SICK'), fc.constant('')),
    text: words,
  }),
  fc.record({ type: fc.constant('setOut' as const), at, technicianCode: technician }),
  fc.record({ type: fc.constant('startWork' as const), at, technicianCode: technician }),
  fc.record({
    type: fc.constant('addConditionFound' as const),
    at,
    technicianCode: technician,
    conditionCode: condition,
  }),
  fc.record({ type: fc.constant('addNote' as const), at, text: words }),
  fc.record({
    type: fc.constant('openFollowUp' as const),
    at,
    followUpRequestId: fc.constantFrom('SR-2', 'SR-3'),
    reason: words,
  }),
  fc.record({
    type: fc.constant('close' as const),
    at,
    actuals: fc.record({
      labourMinutes: mostly(fc.integer({ min: 0, max: 600 }), fc.constant(-1)),
      travelMinutes: fc.integer({ min: 0, max: 120 }),
      travelKm: mostly(fc.double({ min: 0, max: 300, noNaN: true }), fc.constant(Number.NaN)),
      materials: fc.array(
        fc.record({ itemCode: fc.constant('FILTER'), quantity, warehouseCode: fc.constant('VAN') }),
        {
          maxLength: 2,
        },
      ),
      correctiveActions: fc.array(words, { maxLength: 2 }),
      resolution: words,
    }),
  }),
  fc.record({
    type: fc.constant('reopen' as const),
    at,
    reason: words,
    reopenWindowDays: fc.integer({ min: -1, max: 10 }),
  }),
];

/**
 * One step of a history: a candidate of every command type, and which to play. A guided step plays
 * a command the current state allows (else most random walks die in the first terminal state and
 * never reach `closed`); an unguided one plays any command, to hit the refusals.
 */
const step = fc.record({
  candidates: fc.tuple(...candidates),
  guided: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  // Cancel, reject and a remote check end a history (or nearly): a guided step plays them rarely.
  mayEnd: fc.oneof({ arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 9 }),
  // Unbiased: fast-check favours small numbers, which would always play the first allowed command.
  pick: fc.noBias(fc.nat()),
});

const ENDINGS: readonly string[] = ['cancel', 'reject', 'recordRemoteCheck'];
type StepValue = typeof step extends fc.Arbitrary<infer T> ? T : never;

function play(
  state: ServiceRequestState,
  { candidates, guided, mayEnd, pick }: StepValue,
): ServiceRequestCommand {
  const pool = guided
    ? candidates.filter((c) => isAllowed(c.type, state.status) && (mayEnd || !ENDINGS.includes(c.type)))
    : candidates;
  const from = pool.length > 0 ? pool : candidates;
  return from[pick % from.length] as ServiceRequestCommand;
}

describe('service request decider, on any sequence of commands', () => {
  const reached = new Set<string>();

  it('refuses with a DomainError or lands in a state the transition table allows', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 40 }), (steps) => {
        let state: ServiceRequestState = serviceRequestDecider.initialState;
        for (const current of steps) {
          const next = play(state, current);
          let events;
          try {
            events = serviceRequestDecider.decide(next, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          if (events.length === 0) continue;
          expect(SERVICE_REQUEST_TRANSITIONS[next.type].from as readonly string[]).toContain(state.status);
          // evolve must take everything decide emits, and the result must be a declared target.
          state = events.reduce(serviceRequestDecider.evolve, state);
          expect(SERVICE_REQUEST_TRANSITIONS[next.type].to as readonly string[]).toContain(state.status);
          reached.add(state.status);
        }
      }),
      { numRuns: 300 },
    );
    // The property means little unless random sequences travel the whole machine.
    expect([...reached].sort()).toEqual([...SERVICE_REQUEST_STATES].sort());
  });
});
