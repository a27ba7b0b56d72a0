/**
 * `If-Match: "3"` (or `W/"3"`, or 3): the record version the client last saw, as the ETags we
 * send carry it; absent or unreadable means "whatever is current".
 */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  const match = ifMatch === undefined ? null : /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : undefined;
}
