import type { UserProfile } from './user-schemas';

/** Stored hash in PHC string form (`$argon2id$v=19$...`); never the password. */
export type PasswordHash = string;

export type UserEvent =
  | {
      type: 'UserRegistered';
      data: { userId: string; username: string; profile: UserProfile; passwordHash: PasswordHash };
    }
  | { type: 'UserProfileChanged'; data: { userId: string; profile: UserProfile; changedFields: string[] } }
  | {
      type: 'UserPasswordChanged';
      data: { userId: string; passwordHash: PasswordHash; at: string; endedSessionIds: string[] };
    }
  | { type: 'UserLoggedIn'; data: { userId: string; sessionId: string; at: string; expiresAt: string } }
  | { type: 'UserLoginFailed'; data: { userId: string; at: string; consecutiveFailures: number } }
  | { type: 'UserLocked'; data: { userId: string; at: string; until: string } }
  | { type: 'UserUnlocked'; data: { userId: string; at: string } }
  | { type: 'UserSessionEnded'; data: { userId: string; sessionId: string; at: string } }
  | { type: 'UserDisabled'; data: { userId: string; at: string; endedSessionIds: string[] } }
  | { type: 'UserEnabled'; data: { userId: string; at: string } };

export const USER_EVENT_TYPES: readonly UserEvent['type'][] = [
  'UserRegistered',
  'UserProfileChanged',
  'UserPasswordChanged',
  'UserLoggedIn',
  'UserLoginFailed',
  'UserLocked',
  'UserUnlocked',
  'UserSessionEnded',
  'UserDisabled',
  'UserEnabled',
];
