import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `fsk_<key id>_<secret>`: the prefix lets secret scanners spot a leaked key; the id finds it without a scan. */
const KEY_FORMAT = /^fsk_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export function newApiKeySecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatApiKey(keyId: string, secret: string): string {
  return `fsk_${keyId}_${secret}`;
}

export function parseApiKey(value: string): { keyId: string; secret: string } | undefined {
  const match = KEY_FORMAT.exec(value.trim());
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function apiKeySecretMatches(storedHash: string, secret: string): boolean {
  const a = Buffer.from(storedHash, 'hex');
  const b = Buffer.from(hashApiKeySecret(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
