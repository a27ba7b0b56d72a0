import type { BoardAnswer, BoardAppointment } from '@fieldstream/api-contract';
import { PRIORITY_COLOURS, SUSPENDED_COLOUR } from '../../../shared/service-request-colours';
import { boardTimelineInput } from './board-timeline-input';

const request = (overrides: Partial<NonNullable<BoardAppointment['request']>> = {}) => ({
  reference: 'SR-AAAA0001',
  status: 'assigned' as const,
  priority: 'high' as const,
  version: 4,
  customerName: 'ACME',
  crew: [],
  ...overrides,
});

const answer: BoardAnswer = {
  from: '2026-11-30T00:00:00.000Z',
  to: '2026-12-07T00:00:00.000Z',
  truncated: false,
  technicians: [
    {
      code: 'T1',
      name: 'Marco Rossi',
      unitCode: 'MI',
      unitName: 'Milano',
      timeZone: 'Europe/Rome',
      skillCodes: ['gas'],
      active: true,
    },
    { code: 'T2', name: 'Anna Bianchi', timeZone: 'Europe/Rome', skillCodes: [], active: true },
  ],
  appointments: [
    {
      appointmentId: 'a1',
      technicianCode: 'T1',
      requestId: 'r1',
      start: '2026-11-30T08:00:00Z',
      end: '2026-11-30T09:00:00Z',
      status: 'confirmed',
      request: request(),
    },
    {
      appointmentId: 'a2',
      technicianCode: 'T1',
      requestId: 'r2',
      start: '2026-11-30T10:00:00Z',
      end: '2026-11-30T11:00:00Z',
      status: 'suspended',
      request: request({ reference: 'SR-B', version: 9 }),
    },
    {
      appointmentId: 'a3',
      technicianCode: 'T2',
      requestId: 'r3',
      start: '2026-11-30T10:00:00Z',
      end: '2026-11-30T11:00:00Z',
      status: 'confirmed',
    },
    {
      appointmentId: 'a4',
      technicianCode: 'T2',
      requestId: 'r4',
      start: '2026-11-30T12:00:00Z',
      end: '2026-11-30T13:00:00Z',
      status: 'confirmed',
      request: request({ status: 'in-progress' }),
    },
  ],
};

const input = boardTimelineInput(answer, {
  title: (appointment) => appointment.request?.reference ?? 'Busy',
  suspendedClassName: 'hatched',
});

describe('boardTimelineInput', () => {
  it('makes a row per technician, named with their code', () => {
    expect(input.resources.map((resource) => [resource.id, resource.title])).toEqual([
      ['T1', 'Marco Rossi (T1)'],
      ['T2', 'Anna Bianchi (T2)'],
    ]);
    expect(input.resources[0]?.extendedProps).toEqual({
      unitName: 'Milano',
      skillCodes: ['gas'],
      active: true,
    });
  });

  it('puts each appointment on its technician row, coloured by priority, linking to its request', () => {
    const first = input.events[0]!;
    expect(first).toMatchObject({
      resourceId: 'T1',
      title: 'SR-AAAA0001',
      color: PRIORITY_COLOURS.high,
      url: '/app/requests/r1',
      editable: true,
      extendedProps: {
        requestId: 'r1',
        appointmentId: 'a1',
        technicianCode: 'T1',
        version: 4,
        suspended: false,
      },
    });
  });

  it('greys and hatches an appointment pushed aside, and lets it be dragged to re-plan it', () => {
    expect(input.events[1]).toMatchObject({ color: SUSPENDED_COLOUR, className: 'hatched', editable: true });
    expect(input.events[1]?.extendedProps).toMatchObject({ suspended: true, version: 9 });
  });

  it('does not let the appointment of a request on hold be dragged', () => {
    const onHold = boardTimelineInput(
      {
        ...answer,
        appointments: [{ ...answer.appointments[0]!, request: request({ status: 'suspended' }) }],
      },
      { title: () => 'x', suspendedClassName: 'hatched' },
    );
    expect(onHold.events[0]).toMatchObject({ className: 'hatched', editable: false });
  });

  it('shows busy time of a request the reader may not see, without anything to drag', () => {
    expect(input.events[2]).toMatchObject({ title: 'Busy', color: SUSPENDED_COLOUR, editable: false });
    expect(input.events[2]?.extendedProps).toMatchObject({ version: undefined });
  });

  it('does not let work already started be moved', () => {
    expect(input.events[3]).toMatchObject({ editable: false, color: PRIORITY_COLOURS.high });
  });
});
