import { createHash } from 'node:crypto';

/** Our namespace for name-based UUIDs (RFC 9562 v5); fixed forever, since stream names derive from it. */
const NAMESPACE = Buffer.from('6f1c2a4e8b3d4c5f9a7e1d2b3c4d5e6f', 'hex');

/**
 * A UUID v5 of a name: the same name always gives the same id, so a business key (a customer
 * code, a user name) maps to one stream without a lookup, and two writers racing to create the
 * same record collide on that stream's NO_STREAM check instead of creating two.
 */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Codes may hold dashes, which would make a stream's category ambiguous (`customer-ACME-01`); the
 * stream carries a UUID of the code instead, and every event carries the code itself.
 */
export function masterDataStreamName(kind: string, code: string): string {
  return `${kind}-${nameBasedUuid(`${kind}:${code}`)}`;
}

export function userIdOf(username: string): string {
  return nameBasedUuid(`user:${username}`);
}

export function userStreamName(userId: string): string {
  return `user-${userId}`;
}

export function apiKeyStreamName(keyId: string): string {
  return `api-key-${keyId}`;
}

export function stockStreamName(warehouseCode: string): string {
  return `stock-${nameBasedUuid(`stock:${warehouseCode}`)}`;
}

/**
 * One technician's schedule for one ISO week (UTC), e.g. period `2026-W48`. Technician codes may
 * hold dashes, so the stream carries a UUID of code and period; the events carry the code.
 */
export function technicianScheduleStreamName(technicianCode: string, period: string): string {
  return `technician-schedule-${nameBasedUuid(`schedule:${technicianCode}:${period}`)}`;
}
