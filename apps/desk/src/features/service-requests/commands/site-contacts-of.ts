import type { SiteContact } from '../types/site-contact';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The contacts of a site's record, leniently: a malformed entry is skipped, not a crash. */
export function siteContactsOf(record: Record<string, unknown> | undefined): SiteContact[] {
  const contacts = record?.['contacts'];
  if (!Array.isArray(contacts)) return [];
  return contacts.flatMap((entry: unknown) => {
    const contact = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const name = text(contact['name']);
    if (!name) return [];
    const role = text(contact['role']);
    const phone = text(contact['phone']);
    const email = text(contact['email']);
    return [{ name, ...(role ? { role } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) }];
  });
}
