import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import { userDecider } from './user.decider';
import type { UserEvent } from './user-events';
import { userProfileSchema } from './user-schemas';

const spec = deciderSpecification(userDecider);
const profile = userProfileSchema.parse({ displayName: 'Anna', role: 'auditor' });
const registered: UserEvent = {
  type: 'UserRegistered',
  data: { userId: 'u1', username: 'anna', profile, passwordHash: 'h1' },
};
const lockout = { failures: 3, minutes: 15 };
const login = (at: string, passwordMatched: boolean, sessionId = 's1') => ({
  type: 'login' as const,
  passwordMatched,
  sessionId,
  at,
  expiresAt: '2026-11-26T18:00:00.000Z',
  lockout,
});
const failed = (at: string, n: number): UserEvent => ({
  type: 'UserLoginFailed',
  data: { userId: 'u1', at, consecutiveFailures: n },
});

describe('user decider', () => {
  it('opens a session on a matching password and resets the failure count', () => {
    spec
      .given([registered, failed('2026-11-26T09:00:00.000Z', 1)])
      .when(login('2026-11-26T10:00:00.000Z', true))
      .then([
        {
          type: 'UserLoggedIn',
          data: {
            userId: 'u1',
            sessionId: 's1',
            at: '2026-11-26T10:00:00.000Z',
            expiresAt: '2026-11-26T18:00:00.000Z',
          },
        },
      ]);
  });

  it('locks after the configured number of failures in a row, for the configured time', () => {
    spec
      .given([registered, failed('2026-11-26T09:00:00.000Z', 1), failed('2026-11-26T09:01:00.000Z', 2)])
      .when(login('2026-11-26T09:02:00.000Z', false))
      .then([
        failed('2026-11-26T09:02:00.000Z', 3),
        {
          type: 'UserLocked',
          data: { userId: 'u1', at: '2026-11-26T09:02:00.000Z', until: '2026-11-26T09:17:00.000Z' },
        },
      ]);
  });

  it('refuses even the right password while locked, and counts afresh once the lock has passed', () => {
    const locked: UserEvent = {
      type: 'UserLocked',
      data: { userId: 'u1', at: '2026-11-26T09:02:00.000Z', until: '2026-11-26T09:17:00.000Z' },
    };
    const history = [registered, failed('2026-11-26T09:02:00.000Z', 3), locked];
    spec
      .given(history)
      .when(login('2026-11-26T09:10:00.000Z', true))
      .thenThrows(DomainError, (e) => e.code === 'account_locked');
    spec
      .given(history)
      .when(login('2026-11-26T09:20:00.000Z', false))
      .then([
        { type: 'UserUnlocked', data: { userId: 'u1', at: '2026-11-26T09:20:00.000Z' } },
        failed('2026-11-26T09:20:00.000Z', 1),
      ]);
  });

  it('ends every session when the password changes, and refuses a disabled account', () => {
    const loggedIn: UserEvent = {
      type: 'UserLoggedIn',
      data: {
        userId: 'u1',
        sessionId: 's1',
        at: '2026-11-26T08:00:00.000Z',
        expiresAt: '2026-11-26T16:00:00.000Z',
      },
    };
    spec
      .given([registered, loggedIn])
      .when({ type: 'changePassword', passwordHash: 'h2', at: '2026-11-26T09:00:00.000Z' })
      .then([
        {
          type: 'UserPasswordChanged',
          data: { userId: 'u1', passwordHash: 'h2', at: '2026-11-26T09:00:00.000Z', endedSessionIds: ['s1'] },
        },
      ]);
    const disabled: UserEvent = {
      type: 'UserDisabled',
      data: { userId: 'u1', at: '2026-11-26T09:00:00.000Z', endedSessionIds: [] },
    };
    spec
      .given([registered, disabled])
      .when(login('2026-11-26T10:00:00.000Z', true))
      .thenThrows(DomainError, (e) => e.code === 'account_disabled');
  });

  it('ends a session once; ending an unknown one changes nothing', () => {
    const loggedIn: UserEvent = {
      type: 'UserLoggedIn',
      data: {
        userId: 'u1',
        sessionId: 's1',
        at: '2026-11-26T08:00:00.000Z',
        expiresAt: '2026-11-26T16:00:00.000Z',
      },
    };
    spec
      .given([registered, loggedIn])
      .when({ type: 'endSession', sessionId: 's1', at: '2026-11-26T09:00:00.000Z' })
      .then([
        { type: 'UserSessionEnded', data: { userId: 'u1', sessionId: 's1', at: '2026-11-26T09:00:00.000Z' } },
      ]);
    spec
      .given([registered])
      .when({ type: 'endSession', sessionId: 's9', at: '2026-11-26T09:00:00.000Z' })
      .thenNothingHappens();
  });

  it('requires the binding a scoped role needs', () => {
    const result = userProfileSchema.safeParse({ displayName: 'Dino', role: 'dispatcher' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['binding', 'unitCode']);
  });
});
