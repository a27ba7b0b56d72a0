import { createContext } from 'react';
import type { Session } from '../types/session';
import type { SessionEndReason } from '../types/session-end-reason';

export interface SessionContextValue {
  session: Session | null;
  /** Set when the desk ended the session itself (expired token); the login page explains it. */
  endReason: SessionEndReason | null;
  signIn(session: Session): void;
  signOut(reason?: SessionEndReason): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
