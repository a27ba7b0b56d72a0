/**
 * The desk calls the API on its own origin under `/api`; the wire contract's paths are relative to
 * it (`serviceRequestPaths`), so a renamed resource breaks the build rather than a screen.
 */
export function apiPathOf(contractPath: string, query?: URLSearchParams): string {
  const search = query?.toString() ?? '';
  return `/api${contractPath}${search ? `?${search}` : ''}`;
}
