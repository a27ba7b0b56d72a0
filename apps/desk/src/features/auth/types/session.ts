import type { SessionUser } from '@fieldstream/api-contract';

/** Who is signed in on this tab, as the login answered. The token is opaque to the desk. */
export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}
