import type { Request } from 'express';

/**
 * Where the caller reached the API (scheme and host, as a proxy on this machine forwards them):
 * a feed's URL must be one their phone can reach too. PUBLIC_URL, when set, wins over it.
 */
export function apiBaseUrlOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
