/** Who is signed in on this tab. The token is opaque to the desk. */
export interface Session {
  token: string;
  username: string;
}
