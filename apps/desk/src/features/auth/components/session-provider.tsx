import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { readStoredSession, writeStoredSession } from '../api/session-storage';
import { SessionContext, type SessionContextValue } from '../hooks/session-context';
import type { Session } from '../types/session';

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
  const signIn = useCallback((next: Session) => {
    writeStoredSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    writeStoredSession(null);
    setSession(null);
  }, []);
  const value = useMemo<SessionContextValue>(
    () => ({ session, signIn, signOut }),
    [session, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
