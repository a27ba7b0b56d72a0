/**
 * Whether an `If-None-Match` header names `etag` (RFC 9110 §13.1.2: `*`, or a list compared
 * weakly). Not Express's `req.fresh`: that also refuses a 304 to any request carrying
 * `Cache-Control: no-cache`, which fetch() adds by itself to every conditional request, while the
 * directive speaks to caches on the way, not to the origin.
 */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
