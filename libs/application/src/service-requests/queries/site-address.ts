import type { Site } from '@fieldstream/domain';

/**
 * A site's address on one line, as a technician reads it on a phone or pastes it into a map:
 * "Via Torino 1, 20123 Milano, IT". Empty parts are left out.
 */
export function addressLine(address: Partial<Site['address']> | undefined): string | undefined {
  if (!address) return undefined;
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  const parts = [address.street, town, address.region, address.country].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}
