import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * `fscal_<feed id>_<secret>`: the prefix lets secret scanners spot a leaked feed URL, the id finds
 * the feed without a scan, the 256-bit secret is the credential. It lives in the URL's path because
 * calendar apps cannot send headers.
 */
const TOKEN_FORMAT = /^fscal_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export function newFeedSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatFeedToken(feedId: string, secret: string): string {
  return `fscal_${feedId}_${secret}`;
}

export function parseFeedToken(value: string): { feedId: string; secret: string } | undefined {
  const match = TOKEN_FORMAT.exec(value);
  return match ? { feedId: match[1]!, secret: match[2]! } : undefined;
}

/** SHA-256: a random 256-bit secret cannot be guessed from its hash, so no slow hash is needed. */
export function hashFeedSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function feedSecretMatches(storedHash: string, secret: string): boolean {
  const stored = Buffer.from(storedHash, 'hex');
  const given = Buffer.from(hashFeedSecret(secret), 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given);
}
