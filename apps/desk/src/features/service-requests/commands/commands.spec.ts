import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { assignBodyOf } from './assign-body-of';
import { commandCallOf } from './command-call-of';
import { isVersionConflict } from './is-version-conflict';
import { missingFields } from './missing-fields';
import { scheduleConflictOf } from './schedule-conflict-of';

const problem = (status: number, body: Record<string, unknown>) =>
  new ApiProblemError(
    {
      status,
      type: String(body['type'] ?? 'about:blank'),
      title: String(body['title'] ?? 'Conflict'),
      ...(typeof body['detail'] === 'string' ? { detail: body['detail'] } : {}),
      fieldProblems: [],
    },
    body,
  );

describe('form commands as HTTP calls', () => {
  it('posts actions with only the members given, trimmed', () => {
    expect(commandCallOf('cancel', 'r-1', { reason: '  customer withdrew ' })).toEqual({
      method: 'POST',
      path: '/api/service-requests/r-1/cancel',
      body: { reason: 'customer withdrew' },
    });
    expect(commandCallOf('accept', 'r-1', { note: '' })).toEqual({
      method: 'POST',
      path: '/api/service-requests/r-1/accept',
      body: {},
    });
    expect(commandCallOf('recordRemoteCheck', 'r-1', { resolution: 'Reset remotely' }).path).toBe(
      '/api/service-requests/r-1/remote-check',
    );
  });

  it('uses the sub-resources for conditions, notes, follow-ups and unassigning', () => {
    expect(commandCallOf('detachCondition', 'r 1', { conditionCode: 'E/1' })).toEqual({
      method: 'DELETE',
      path: '/api/service-requests/r%201/conditions/E%2F1',
    });
    expect(commandCallOf('unassign', 'r-1', { technicianCode: 'T-MI-1', reason: '' })).toEqual({
      method: 'DELETE',
      path: '/api/service-requests/r-1/assignments/T-MI-1',
      body: {},
    });
    expect(
      commandCallOf('openFollowUp', 'r-1', {
        reason: 'Part ordered',
        description: 'Fit the new pump',
        priority: '',
        conditionCodes: ['PUMP'],
      }),
    ).toEqual({
      method: 'POST',
      path: '/api/service-requests/r-1/follow-ups',
      body: { reason: 'Part ordered', description: 'Fit the new pump', conditionCodes: ['PUMP'] },
    });
  });

  it('sends a suspension deadline as a zoned instant', () => {
    const call = commandCallOf('suspend', 'r-1', { reason: 'Waiting for parts', until: '2026-12-01T09:00' });
    expect(call.body).toEqual({
      reason: 'Waiting for parts',
      until: new Date('2026-12-01T09:00').toISOString(),
    });
  });

  it('sends the suspension reason’s code only when one is chosen', () => {
    expect(
      commandCallOf('suspend', 'r-1', { reasonCode: 'waiting-customer', reason: 'Away until Monday' }).body,
    ).toEqual({ reason: 'Away until Monday', reasonCode: 'waiting-customer' });
    expect(commandCallOf('suspend', 'r-1', { reasonCode: '', reason: 'Part ordered' }).body).toEqual({
      reason: 'Part ordered',
    });
    expect(missingFields('suspend', { reasonCode: 'other' })).toEqual(['reason']);
  });

  it('names the required fields left empty', () => {
    expect(missingFields('openFollowUp', { reason: ' ', conditionCodes: [] })).toEqual([
      'reason',
      'description',
    ]);
    expect(missingFields('resume', {})).toEqual([]);
  });
});

describe('assign body', () => {
  const row = (
    technicianCode: string | null,
    start = '2026-12-01T09:00',
    durationMinutes: number | string = 90,
  ) => ({
    key: String(technicianCode),
    technicianCode,
    start,
    durationMinutes,
  });

  it('gives a synchronized crew with zoned starts, and displace only in an emergency', () => {
    const result = assignBodyOf([row('T-1'), row('T-2')]);
    expect(result).toEqual({
      ok: true,
      body: {
        assignments: [
          { technicianCode: 'T-1', start: new Date('2026-12-01T09:00').toISOString(), durationMinutes: 90 },
          { technicianCode: 'T-2', start: new Date('2026-12-01T09:00').toISOString(), durationMinutes: 90 },
        ],
      },
    });
    const emergency = assignBodyOf([row('T-1')], [{ appointmentId: 'a-9', action: 'suspend' }]);
    expect(emergency.ok && emergency.body.displace).toEqual([{ appointmentId: 'a-9', action: 'suspend' }]);
  });

  it('names each row problem by the path the API would use', () => {
    expect(assignBodyOf([row(null, ''), row('T-1', '2026-12-01T09:00', 0), row('T-1', 'x', 1.5)])).toEqual({
      ok: false,
      problems: {
        'assignments.0.technicianCode': 'required',
        'assignments.0.start': 'required',
        'assignments.1.durationMinutes': 'invalidDuration',
        'assignments.2.technicianCode': 'duplicate',
        'assignments.2.start': 'invalidTime',
        'assignments.2.durationMinutes': 'invalidDuration',
      },
    });
  });
});

describe('conflicts', () => {
  const schedule = problem(409, {
    code: 'schedule_conflict',
    detail: 'Technician T-1 is already booked: appointment a-9 of request r-9',
    details: {
      technicianCode: 'T-1',
      conflicts: [
        {
          appointmentId: 'a-9',
          requestId: 'r-9',
          start: '2026-12-01T08:00:00.000Z',
          end: '2026-12-01T10:00:00.000Z',
        },
        { nonsense: true },
      ],
    },
  });

  it('reads the appointments in the way from a schedule conflict', () => {
    expect(scheduleConflictOf(schedule)).toEqual({
      detail: 'Technician T-1 is already booked: appointment a-9 of request r-9',
      technicianCode: 'T-1',
      conflicts: [
        {
          appointmentId: 'a-9',
          requestId: 'r-9',
          start: '2026-12-01T08:00:00.000Z',
          end: '2026-12-01T10:00:00.000Z',
        },
      ],
    });
    expect(isVersionConflict(schedule)).toBe(false);
  });

  it('tells a stale If-Match from the rules refusing the command', () => {
    const stale = problem(409, {
      type: '/problems/concurrency-conflict',
      detail: 'expected 3, found 4',
      expectedRevision: 2,
      actualRevision: 3,
    });
    expect(scheduleConflictOf(stale)).toBeUndefined();
    expect(isVersionConflict(stale)).toBe(true);
    expect(isVersionConflict(problem(412, {}))).toBe(true);
    const illegal = problem(409, { type: '/problems/domain-rule', code: 'illegal_transition' });
    expect(isVersionConflict(illegal)).toBe(false);
    expect(scheduleConflictOf(illegal)).toBeUndefined();
    expect(isVersionConflict(new Error('x'))).toBe(false);
  });
});
