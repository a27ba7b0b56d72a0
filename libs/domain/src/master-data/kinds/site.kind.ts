import { z } from 'zod';
import { address, code, contact, location, name, timeZone } from '../fields';
import { defineKind, refs } from '../master-data-kind';

/** Where assets stand and technicians go: a customer's address, with its zone and access windows. */
export const siteSchema = z
  .object({
    name,
    customerCode: code,
    address,
    location: location.optional(),
    /** Resolved from the location or postal code when left out. */
    zoneCode: code.optional(),
    timeZone,
    contacts: z.array(contact).max(50).default([]),
    /** When work may be done there (banks, military premises, shops' opening hours). */
    accessCalendarCode: code.optional(),
    accessNotes: z.string().trim().max(2000).optional(),
  })
  .strict();
export type Site = z.infer<typeof siteSchema>;

export const siteKind = defineKind({
  name: 'site',
  plural: 'sites',
  schema: siteSchema,
  references: (site) => [
    ...refs('customer', 'customerCode', site.customerCode),
    ...refs('zone', 'zoneCode', site.zoneCode),
    ...refs('calendar', 'accessCalendarCode', site.accessCalendarCode),
  ],
  scope: (site, siteCode) => ({
    customers: [site.customerCode],
    sites: [siteCode],
    ...(site.zoneCode ? { zones: [site.zoneCode] } : {}),
  }),
  searchFields: ['name', 'address.city', 'address.postalCode'],
  columns: ['name', 'customerCode', 'address.city', 'zoneCode'],
});
