import type { SessionUser } from '@fieldstream/api-contract';
import type { Session } from '../types/session';

/** A session as the login would have answered it, for tests that start signed in. */
export function testSession(username = 'marco', user: Partial<SessionUser> = {}): Session {
  return {
    token: `token-of-${username}`,
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: {
      id: `user-${username}`,
      username,
      displayName: username,
      role: 'dispatcher',
      binding: {},
      language: 'en',
      ...user,
    },
  };
}
