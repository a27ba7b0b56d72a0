import { boardMoveOf } from './board-move-of';

const base = {
  requestId: 'r-1',
  version: 7,
  start: new Date('2026-11-30T08:00:00Z'),
  end: new Date('2026-11-30T09:30:00Z'),
  reason: 'Moved on the dispatch board',
};

describe('boardMoveOf', () => {
  it('reschedules an appointment dragged along its own row, keeping its length', () => {
    expect(boardMoveOf({ ...base, fromTechnicianCode: 'T1', toTechnicianCode: 'T1' })).toEqual({
      requestId: 'r-1',
      version: 7,
      steps: [
        {
          kind: 'reschedule',
          technicianCode: 'T1',
          body: {
            start: '2026-11-30T08:00:00.000Z',
            durationMinutes: 90,
            reason: 'Moved on the dispatch board',
          },
        },
      ],
    });
  });

  it('assigns the new technician before taking the old one off, so the request is never left empty', () => {
    const call = boardMoveOf({ ...base, fromTechnicianCode: 'T1', toTechnicianCode: 'T2' });
    expect(call.steps).toEqual([
      {
        kind: 'assign',
        body: {
          assignments: [{ technicianCode: 'T2', start: '2026-11-30T08:00:00.000Z', durationMinutes: 90 }],
        },
      },
      { kind: 'unassign', technicianCode: 'T1', reason: 'Moved on the dispatch board' },
    ]);
  });

  it('names what an emergency pushes aside on the step that books the slot', () => {
    const displace = [{ appointmentId: 'a-9', action: 'suspend' as const }];
    const same = boardMoveOf({ ...base, fromTechnicianCode: 'T1', toTechnicianCode: 'T1', displace });
    const other = boardMoveOf({ ...base, fromTechnicianCode: 'T1', toTechnicianCode: 'T2', displace });
    expect(same.steps[0]).toMatchObject({ kind: 'reschedule', body: { displace } });
    expect(other.steps[0]).toMatchObject({ kind: 'assign', body: { displace } });
    expect(other.steps[1]).toEqual({ kind: 'unassign', technicianCode: 'T1', reason: base.reason });
  });
});
