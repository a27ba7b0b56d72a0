import { sessionUserSchema } from '@fieldstream/api-contract';
import type { Session } from '../types/session';

/**
 * sessionStorage, not localStorage: the token lives as long as the tab, and a shared workstation
 * does not keep it once the browser closes.
 */
export const SESSION_STORAGE_KEY = 'fieldstream.session';

export function readStoredSession(storage: Storage | undefined = globalThis.sessionStorage): Session | null {
  try {
    const raw = storage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { token, expiresAt, user } = value as Record<string, unknown>;
    // A session stored by an older desk (no user) is dropped: the user signs in again.
    const parsedUser = sessionUserSchema.safeParse(user);
    if (typeof token !== 'string' || token.length === 0 || !parsedUser.success) return null;
    return { token, expiresAt: typeof expiresAt === 'string' ? expiresAt : '', user: parsedUser.data };
  } catch {
    return null;
  }
}

export function writeStoredSession(
  session: Session | null,
  storage: Storage | undefined = globalThis.sessionStorage,
): void {
  try {
    if (session) storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Storage can be disabled; the session then lives in memory only, until reload.
  }
}
