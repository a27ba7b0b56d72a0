import { z } from 'zod';
import { address, contact, email, name, phone } from '../fields';
import { defineKind } from '../master-data-kind';

export const customerSchema = z
  .object({
    name,
    vatNumber: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}[A-Z0-9]{2,13}$/, 'A VAT number with its country prefix, e.g. IT01234567890')
      .optional(),
    email: email.optional(),
    phone: phone.optional(),
    billingAddress: address.optional(),
    contacts: z.array(contact).max(50).default([]),
    language: z.enum(['it', 'en', 'de']).default('it'),
  })
  .strict();
export type Customer = z.infer<typeof customerSchema>;

export const customerKind = defineKind({
  name: 'customer',
  plural: 'customers',
  schema: customerSchema,
  references: () => [],
  scope: (_customer, customerCode) => ({ customers: [customerCode] }),
  searchFields: ['name', 'vatNumber', 'email'],
  columns: ['name', 'vatNumber', 'phone'],
});
