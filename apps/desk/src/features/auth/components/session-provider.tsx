import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { readStoredSession, writeStoredSession } from '../api/session-storage';
import { SessionContext, type SessionContextValue } from '../hooks/session-context';
import type { Session } from '../types/session';
import type { SessionEndReason } from '../types/session-end-reason';

export function SessionProvider({
  children,
  initialSession,
}: {
  children: ReactNode;
  initialSession?: Session | null;
}) {
  const [session, setSession] = useState<Session | null>(() =>
    initialSession === undefined ? readStoredSession() : initialSession,
  );
  const [endReason, setEndReason] = useState<SessionEndReason | null>(null);
  const signIn = useCallback((next: Session) => {
    writeStoredSession(next);
    setEndReason(null);
    setSession(next);
  }, []);
  const signOut = useCallback((reason?: SessionEndReason) => {
    writeStoredSession(null);
    setEndReason(reason ?? null);
    setSession(null);
  }, []);
  const value = useMemo<SessionContextValue>(
    () => ({ session, endReason, signIn, signOut }),
    [session, endReason, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
