import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import type { ServiceRequestCommand } from './service-request-commands';
import { serviceRequestDecider } from './service-request.decider';
import {
  accepted,
  actuals,
  anna,
  assigned,
  assignedAnna,
  bruno,
  closed,
  closedAt,
  HISTORIES,
  ID,
  opened,
  openCommand,
  SAMPLE_COMMANDS,
  started,
  suspendedFromAssigned,
  T0,
} from './testing/service-request.fixtures';
import {
  SERVICE_REQUEST_STATES,
  SERVICE_REQUEST_TRANSITIONS,
  type ServiceRequestCommandType,
} from './service-request-states';

const spec = deciderSpecification(serviceRequestDecider);
const at = '2026-03-03T10:00:00.000Z';
const code = (expected: string) => (error: DomainError) => error.code === expected;

describe('service request state machine', () => {
  const commandTypes = Object.keys(SAMPLE_COMMANDS) as Exclude<ServiceRequestCommandType, 'open'>[];
  for (const type of commandTypes) {
    const { from, to } = SERVICE_REQUEST_TRANSITIONS[type];
    for (const state of SERVICE_REQUEST_STATES) {
      const command = SAMPLE_COMMANDS[type] as ServiceRequestCommand;
      const history = HISTORIES[state];
      if ((from as readonly string[]).includes(state)) {
        it(`${type} is allowed in ${state} and leads to ${to.join(' or ')}`, () => {
          const before = foldEvents(serviceRequestDecider, history);
          const events = serviceRequestDecider.decide(command, before);
          expect(events.length).toBeGreaterThan(0);
          const after = events.reduce(serviceRequestDecider.evolve, before);
          expect(to as readonly string[]).toContain(after.status);
        });
      } else {
        it(`${type} is refused in ${state}, naming the state and what is allowed`, () => {
          spec
            .given(history)
            .when(command)
            .thenThrows(
              DomainError,
              (e) =>
                e.code === 'illegal_transition' &&
                e.details['state'] === state &&
                e.details['command'] === type &&
                Array.isArray(e.details['allowed']) &&
                e.message.includes(`"${state}"`),
            );
        });
      }
    }
  }

  it('refuses any command but open on a stream that has no request', () => {
    spec.given([]).when(SAMPLE_COMMANDS.accept).thenThrows(DomainError, code('not_found'));
  });

  it('lists what a closed request still allows', () => {
    spec
      .given(HISTORIES.closed)
      .when(SAMPLE_COMMANDS.cancel)
      .thenThrows(DomainError, (e) => {
        expect(e.details['allowed']).toEqual(['addNote', 'recordDeviceSignal', 'openFollowUp', 'reopen']);
        expect(e.message).toBe(
          'A request in state "closed" cannot cancel; allowed: addNote, recordDeviceSignal, openFollowUp, reopen',
        );
        return true;
      });
  });
});

describe('opening a request', () => {
  it('lands in open when acceptance is explicit', () => {
    spec.given([]).when(openCommand).then([opened]);
  });

  it('is accepted on arrival when acceptance is not explicit', () => {
    spec
      .given([])
      .when({ ...openCommand, explicitAcceptance: false })
      .then([
        { ...opened, data: { ...opened.data, explicitAcceptance: false } } as typeof opened,
        { type: 'ServiceRequestAccepted', data: { requestId: ID, at: T0, automatic: true } },
      ]);
  });

  it('opens nothing new when an external system retries with the same reference', () => {
    spec.given(HISTORIES.assigned).when(openCommand).thenNothingHappens();
  });

  it('refuses to open a request twice otherwise', () => {
    spec
      .given([opened])
      .when({ ...openCommand, externalReference: 'CRM-992' })
      .thenThrows(DomainError, code('already_open'));
  });

  it('refuses an opening without a description, naming the field', () => {
    spec
      .given([])
      .when({ ...openCommand, description: ' ' })
      .thenThrows(DomainError, (e) => e.code === 'required' && e.details['field'] === 'description');
  });
});

describe('acceptance and conditions', () => {
  it('accepts with a note, or rejects with a diagnosis', () => {
    spec
      .given([opened])
      .when({ type: 'accept', at, note: 'Checked' })
      .then([
        { type: 'ServiceRequestAccepted', data: { requestId: ID, at, automatic: false, note: 'Checked' } },
      ]);
    spec
      .given([opened])
      .when({ type: 'reject', at, diagnosis: 'Out of contract' })
      .then([{ type: 'ServiceRequestRejected', data: { requestId: ID, at, diagnosis: 'Out of contract' } }]);
    spec
      .given([opened])
      .when({ type: 'reject', at, diagnosis: '' })
      .thenThrows(DomainError, code('required'));
  });

  it('attaches a condition once and detaches only what is attached', () => {
    spec
      .given([opened])
      .when({ type: 'attachCondition', at, conditionCode: 'LEAK' })
      .then([
        {
          type: 'ServiceRequestConditionAttached',
          data: { requestId: ID, at, conditionCode: 'LEAK', foundOnSite: false },
        },
      ]);
    spec.given([opened]).when({ type: 'attachCondition', at, conditionCode: 'NO-HEAT' }).thenNothingHappens();
    spec.given([opened]).when({ type: 'detachCondition', at, conditionCode: 'LEAK' }).thenNothingHappens();
    spec
      .given([opened])
      .when({ type: 'detachCondition', at, conditionCode: 'NO-HEAT' })
      .then([
        { type: 'ServiceRequestConditionDetached', data: { requestId: ID, at, conditionCode: 'NO-HEAT' } },
      ]);
  });

  it('resolves remotely without dispatch, releasing planned assignments', () => {
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'recordRemoteCheck', at, resolution: 'Reset by phone' })
      .then([
        {
          type: 'ServiceRequestRemotelyResolved',
          data: { requestId: ID, at, resolution: 'Reset by phone', releasedAssignments: [anna, bruno] },
        },
      ]);
  });
});

describe('assignment', () => {
  it('plans a synchronized intervention of several technicians, working out each end', () => {
    spec
      .given([opened, accepted])
      .when({
        type: 'assign',
        at: T0,
        assignments: [
          { technicianCode: 'ANNA', start: anna.start, durationMinutes: 90 },
          { technicianCode: 'BRUNO', start: bruno.start, durationMinutes: 60 },
        ],
      })
      .then([assigned]);
  });

  it('refuses a zero or fractional duration, a repeated or already assigned technician, no technician', () => {
    const slot = { technicianCode: 'CARLA', start: anna.start, durationMinutes: 0 };
    spec
      .given([opened, accepted])
      .when({ type: 'assign', at, assignments: [slot] })
      .thenThrows(
        DomainError,
        (e) => e.code === 'invalid_duration' && e.details['field'] === 'assignments[0].durationMinutes',
      );
    spec
      .given([opened, accepted])
      .when({ type: 'assign', at, assignments: [{ ...slot, durationMinutes: 1.5 }] })
      .thenThrows(DomainError, code('invalid_duration'));
    spec
      .given([opened, accepted])
      .when({ type: 'assign', at, assignments: [{ ...slot, start: 'tomorrow', durationMinutes: 30 }] })
      .thenThrows(DomainError, code('invalid_time'));
    spec
      .given([opened, accepted])
      .when({
        type: 'assign',
        at,
        assignments: [
          { ...slot, durationMinutes: 30 },
          { ...slot, durationMinutes: 60 },
        ],
      })
      .thenThrows(DomainError, code('duplicate_technician'));
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'assign', at, assignments: [{ ...slot, technicianCode: 'ANNA', durationMinutes: 30 }] })
      .thenThrows(DomainError, code('already_assigned'));
    spec
      .given([opened, accepted])
      .when({ type: 'assign', at, assignments: [] })
      .thenThrows(DomainError, code('no_technicians'));
  });

  it('reschedules an assigned technician, keeping the previous slot in the event', () => {
    spec
      .given(HISTORIES.assigned)
      .when({
        type: 'reschedule',
        at,
        technicianCode: 'ANNA',
        start: '2026-03-05T09:00:00.000Z',
        durationMinutes: 60,
      })
      .then([
        {
          type: 'ServiceRequestRescheduled',
          data: {
            requestId: ID,
            at,
            technicianCode: 'ANNA',
            previous: anna,
            assignment: {
              technicianCode: 'ANNA',
              start: '2026-03-05T09:00:00.000Z',
              durationMinutes: 60,
              end: '2026-03-05T10:00:00.000Z',
            },
          },
        },
      ]);
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'reschedule', at, technicianCode: 'ANNA', start: anna.start, durationMinutes: 90 })
      .thenNothingHappens();
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'reschedule', at, technicianCode: 'CARLA', start: anna.start, durationMinutes: 90 })
      .thenThrows(DomainError, code('not_assigned'));
  });

  it('unassigns one technician, and goes back to dispatch when none remains', () => {
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'unassign', at, technicianCode: 'BRUNO' })
      .then([
        {
          type: 'ServiceRequestUnassigned',
          data: { requestId: ID, at, assignment: bruno, backToDispatch: false },
        },
      ]);
    const history = [opened, accepted, assignedAnna];
    const events = serviceRequestDecider.decide(
      { type: 'unassign', at, technicianCode: 'ANNA', reason: 'Wrong skill' },
      foldEvents(serviceRequestDecider, history),
    );
    expect(foldEvents(serviceRequestDecider, [...history, ...events]).status).toBe('accepted');
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'unassign', at, technicianCode: 'CARLA' })
      .thenThrows(DomainError, code('not_assigned'));
  });
});

describe('suspension and cancellation', () => {
  it('suspends and resumes to the state it interrupted', () => {
    spec
      .given(HISTORIES['in-progress'])
      .when({ type: 'suspend', at, reason: 'No power on site', until: '2026-03-06T08:00:00.000Z' })
      .then([
        {
          type: 'ServiceRequestSuspended',
          data: {
            requestId: ID,
            at,
            reason: 'No power on site',
            until: '2026-03-06T08:00:00.000Z',
            from: 'in-progress',
          },
        },
      ]);
    spec
      .given(HISTORIES.suspended)
      .when({ type: 'resume', at })
      .then([{ type: 'ServiceRequestResumed', data: { requestId: ID, at, to: 'assigned' } }]);
  });

  it('cancels with a reason, releasing the planned assignments', () => {
    spec
      .given([opened, accepted, assigned, suspendedFromAssigned])
      .when({ type: 'cancel', at, reason: 'Customer withdrew' })
      .then([
        {
          type: 'ServiceRequestCancelled',
          data: { requestId: ID, at, reason: 'Customer withdrew', releasedAssignments: [anna, bruno] },
        },
      ]);
    spec
      .given([opened])
      .when({ type: 'cancel', at, reason: '' })
      .thenThrows(DomainError, (e) => e.code === 'required' && e.details['field'] === 'reason');
  });
});

describe('renounce', () => {
  const renounce = { type: 'renounce' as const, at, reasonCode: 'SICK', text: 'Fever' };

  it("removes the renouncing technician's assignment, the others stay", () => {
    spec
      .given(HISTORIES.assigned)
      .when({ ...renounce, technicianCode: 'BRUNO' })
      .then([
        {
          type: 'ServiceRequestRenounced',
          data: {
            requestId: ID,
            at,
            technicianCode: 'BRUNO',
            reasonCode: 'SICK',
            text: 'Fever',
            assignment: bruno,
            backToDispatch: false,
          },
        },
      ]);
  });

  it('puts the request back in dispatch when the last technician renounces', () => {
    const history = [opened, accepted, assignedAnna];
    const state = foldEvents(serviceRequestDecider, history);
    const events = serviceRequestDecider.decide({ ...renounce, technicianCode: 'ANNA' }, state);
    expect(events[0]).toMatchObject({ type: 'ServiceRequestRenounced', data: { backToDispatch: true } });
    const after = foldEvents(serviceRequestDecider, [...history, ...events]);
    expect(after.status).toBe('accepted');
    expect(after.assignments).toEqual({});
  });

  it('is refused to a technician who is not assigned', () => {
    spec
      .given(HISTORIES.assigned)
      .when({ ...renounce, technicianCode: 'CARLA' })
      .thenThrows(DomainError, (e) => e.code === 'not_assigned' && e.details['technicianCode'] === 'CARLA');
  });
});

describe('on site', () => {
  it('starts work for an assigned technician only, once', () => {
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'startWork', at: started.data.at, technicianCode: 'ANNA' })
      .then([started]);
    spec
      .given(HISTORIES['in-progress'])
      .when({ type: 'startWork', at, technicianCode: 'ANNA' })
      .thenNothingHappens();
    spec
      .given(HISTORIES.assigned)
      .when({ type: 'startWork', at, technicianCode: 'CARLA' })
      .thenThrows(DomainError, code('not_assigned'));
  });

  it('adds a condition found on site, saying who found it', () => {
    spec
      .given(HISTORIES['in-progress'])
      .when({ type: 'addConditionFound', at, technicianCode: 'ANNA', conditionCode: 'LEAK' })
      .then([
        {
          type: 'ServiceRequestConditionAttached',
          data: { requestId: ID, at, conditionCode: 'LEAK', foundOnSite: true, technicianCode: 'ANNA' },
        },
      ]);
  });

  it('adds notes in any state, and links a follow-up once', () => {
    spec
      .given(HISTORIES.cancelled)
      .when({ type: 'addNote', at, text: 'Customer called back' })
      .then([{ type: 'ServiceRequestNoteAdded', data: { requestId: ID, at, text: 'Customer called back' } }]);
    const followUp = { type: 'openFollowUp' as const, at, followUpRequestId: 'SR-2', reason: 'Pump worn' };
    spec
      .given(HISTORIES['in-progress'])
      .when(followUp)
      .then([
        {
          type: 'ServiceRequestFollowUpOpened',
          data: { requestId: ID, at, followUpRequestId: 'SR-2', reason: 'Pump worn' },
        },
      ]);
    spec
      .given([
        ...HISTORIES['in-progress'],
        {
          type: 'ServiceRequestFollowUpOpened',
          data: { requestId: ID, at, followUpRequestId: 'SR-2', reason: 'Pump worn' },
        },
      ])
      .when(followUp)
      .thenNothingHappens();
  });
});

describe('closing and reopening', () => {
  it('closes keeping the estimate beside the actuals', () => {
    spec.given(HISTORIES['in-progress']).when({ type: 'close', at: closedAt, actuals }).then([closed]);
  });

  it('refuses actuals that make no sense, naming the field', () => {
    spec
      .given(HISTORIES['in-progress'])
      .when({ type: 'close', at: closedAt, actuals: { ...actuals, travelKm: -1 } })
      .thenThrows(
        DomainError,
        (e) => e.code === 'invalid_actuals' && e.details['field'] === 'actuals.travelKm',
      );
    spec
      .given(HISTORIES['in-progress'])
      .when({
        type: 'close',
        at: closedAt,
        actuals: { ...actuals, materials: [{ itemCode: 'FILTER', quantity: 0, warehouseCode: 'VAN-ANNA' }] },
      })
      .thenThrows(
        DomainError,
        (e) => e.code === 'invalid_actuals' && e.details['field'] === 'actuals.materials[0].quantity',
      );
  });

  it('reopens inside the window, back to dispatch without the old assignments', () => {
    const reopenAt = '2026-03-10T10:59:00.000Z';
    const reopen = { type: 'reopen' as const, at: reopenAt, reason: 'Fault is back', reopenWindowDays: 7 };
    spec
      .given(HISTORIES.closed)
      .when(reopen)
      .then([
        {
          type: 'ServiceRequestReopened',
          data: { requestId: ID, at: reopenAt, reason: 'Fault is back', closedAt, reopenWindowDays: 7 },
        },
      ]);
    const state = foldEvents(serviceRequestDecider, HISTORIES.closed);
    const after = foldEvents(serviceRequestDecider, [
      ...HISTORIES.closed,
      ...serviceRequestDecider.decide(reopen, state),
    ]);
    expect(after).toMatchObject({ status: 'accepted', assignments: {}, startedBy: [] });
  });

  it('refuses to reopen after the window', () => {
    spec
      .given(HISTORIES.closed)
      .when({ type: 'reopen', at: '2026-03-10T11:01:00.000Z', reason: 'Fault is back', reopenWindowDays: 7 })
      .thenThrows(
        DomainError,
        (e) => e.code === 'reopen_window_passed' && e.details['deadline'] === '2026-03-10T11:00:00.000Z',
      );
  });
});

describe('setting out for the site', () => {
  const history = [opened, accepted, assigned];
  const onTheWay = {
    type: 'ServiceRequestTechnicianOnTheWay' as const,
    data: { requestId: ID, at, technicianCode: 'BRUNO', etaMinutes: 25 },
  };

  it('records the technician on the way, with the time they expect to need', () => {
    spec
      .given(history)
      .when({ type: 'setOut', at, technicianCode: 'BRUNO', etaMinutes: 25 })
      .then([onTheWay]);
  });

  it('records nothing when the same technician sets out again (a phone retrying offline)', () => {
    spec
      .given([...history, onTheWay])
      .when({ type: 'setOut', at, technicianCode: 'BRUNO' })
      .thenNothingHappens();
  });

  it('refuses a technician who is not assigned, and a negative arrival time', () => {
    spec
      .given(history)
      .when({ type: 'setOut', at, technicianCode: 'NOBODY' })
      .thenThrows(DomainError, code('not_assigned'));
    spec
      .given(history)
      .when({ type: 'setOut', at, technicianCode: 'BRUNO', etaMinutes: -5 })
      .thenThrows(DomainError, code('invalid_actuals'));
  });
});
