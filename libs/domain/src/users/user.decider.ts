import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { changedFields } from '../master-data/canonical-json';
import type { PasswordHash, UserEvent } from './user-events';
import type { UserProfile } from './user-schemas';

export interface UserState {
  status: 'absent' | 'active' | 'disabled';
  userId?: string;
  username?: string;
  profile?: UserProfile;
  passwordHash?: PasswordHash;
  consecutiveFailures: number;
  lockedUntil?: string;
  /** Open sessions and when each expires. */
  sessions: Record<string, string>;
}

export interface LockoutPolicy {
  failures: number;
  minutes: number;
}

/**
 * The password check itself (a slow hash) is done by the caller before deciding: a decider does
 * no I/O and no costly work; it is told whether the password matched.
 */
export type UserCommand =
  | { type: 'register'; userId: string; username: string; profile: UserProfile; passwordHash: PasswordHash }
  | { type: 'changeProfile'; profile: UserProfile }
  | { type: 'changePassword'; passwordHash: PasswordHash; at: string }
  | {
      type: 'login';
      passwordMatched: boolean;
      sessionId: string;
      at: string;
      expiresAt: string;
      lockout: LockoutPolicy;
    }
  | { type: 'endSession'; sessionId: string; at: string }
  | { type: 'unlock'; at: string }
  | { type: 'disable'; at: string }
  | { type: 'enable'; at: string };

function openSessions(sessions: Record<string, string>, at: string): Record<string, string> {
  return Object.fromEntries(Object.entries(sessions).filter(([, expiresAt]) => expiresAt > at));
}

function plusMinutes(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = {
  initialState: { status: 'absent', consecutiveFailures: 0, sessions: {} },

  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return {
          ...state,
          status: 'active',
          userId: event.data.userId,
          username: event.data.username,
          profile: event.data.profile,
          passwordHash: event.data.passwordHash,
        };
      case 'UserProfileChanged':
        return { ...state, profile: event.data.profile };
      case 'UserPasswordChanged':
        return { ...state, passwordHash: event.data.passwordHash, sessions: {}, consecutiveFailures: 0 };
      case 'UserLoggedIn':
        return {
          ...state,
          consecutiveFailures: 0,
          sessions: {
            ...openSessions(state.sessions, event.data.at),
            [event.data.sessionId]: event.data.expiresAt,
          },
        };
      case 'UserLoginFailed':
        return { ...state, consecutiveFailures: event.data.consecutiveFailures };
      case 'UserLocked':
        return { ...state, lockedUntil: event.data.until };
      case 'UserUnlocked': {
        const { lockedUntil: _dropped, ...rest } = state;
        return { ...rest, consecutiveFailures: 0 };
      }
      case 'UserSessionEnded': {
        const sessions = { ...state.sessions };
        delete sessions[event.data.sessionId];
        return { ...state, sessions };
      }
      case 'UserDisabled':
        return { ...state, status: 'disabled', sessions: {} };
      case 'UserEnabled':
        return { ...state, status: 'active', consecutiveFailures: 0 };
    }
  },

  decide(command, state) {
    if (command.type === 'register') {
      if (state.status !== 'absent') {
        throw new DomainError('already_exists', `The user name ${command.username} is taken`, {
          username: command.username,
        });
      }
      const { userId, username, profile, passwordHash } = command;
      return [{ type: 'UserRegistered', data: { userId, username, profile, passwordHash } }];
    }
    if (state.status === 'absent' || !state.userId) {
      throw new DomainError('not_found', 'There is no such user', {});
    }
    const userId = state.userId;
    switch (command.type) {
      case 'changeProfile': {
        const fields = changedFields(state.profile ?? {}, command.profile);
        return fields.length === 0
          ? []
          : [
              {
                type: 'UserProfileChanged',
                data: { userId, profile: command.profile, changedFields: fields },
              },
            ];
      }
      case 'changePassword':
        // A new password closes every session: whoever held the old one is out.
        return [
          {
            type: 'UserPasswordChanged',
            data: {
              userId,
              passwordHash: command.passwordHash,
              at: command.at,
              endedSessionIds: Object.keys(state.sessions).sort(),
            },
          },
        ];
      case 'login': {
        if (state.status === 'disabled') {
          throw new DomainError('account_disabled', 'This account is disabled; ask an administrator', {});
        }
        if (state.lockedUntil && state.lockedUntil > command.at) {
          throw new DomainError(
            'account_locked',
            `Too many failed attempts; try again after ${state.lockedUntil}`,
            {
              lockedUntil: state.lockedUntil,
            },
          );
        }
        const events: UserEvent[] = [];
        if (state.lockedUntil) events.push({ type: 'UserUnlocked', data: { userId, at: command.at } });
        const failuresSoFar = state.lockedUntil ? 0 : state.consecutiveFailures;
        if (command.passwordMatched) {
          events.push({
            type: 'UserLoggedIn',
            data: { userId, sessionId: command.sessionId, at: command.at, expiresAt: command.expiresAt },
          });
          return events;
        }
        const consecutiveFailures = failuresSoFar + 1;
        events.push({ type: 'UserLoginFailed', data: { userId, at: command.at, consecutiveFailures } });
        if (consecutiveFailures >= command.lockout.failures) {
          events.push({
            type: 'UserLocked',
            data: { userId, at: command.at, until: plusMinutes(command.at, command.lockout.minutes) },
          });
        }
        return events;
      }
      case 'endSession':
        return state.sessions[command.sessionId] === undefined
          ? []
          : [{ type: 'UserSessionEnded', data: { userId, sessionId: command.sessionId, at: command.at } }];
      case 'unlock':
        return state.lockedUntil || state.consecutiveFailures > 0
          ? [{ type: 'UserUnlocked', data: { userId, at: command.at } }]
          : [];
      case 'disable':
        return state.status === 'disabled'
          ? []
          : [
              {
                type: 'UserDisabled',
                data: { userId, at: command.at, endedSessionIds: Object.keys(state.sessions).sort() },
              },
            ];
      case 'enable':
        return state.status === 'active' ? [] : [{ type: 'UserEnabled', data: { userId, at: command.at } }];
    }
  },
};
