import { z } from 'zod';

/**
 * Field schemas shared by every master-data kind. Issues carry zod's codes and the field's path;
 * the messages are English sentences a desk operator can read, the SPA may translate by code.
 */

/** Business keys: what customers, serial plates and catalogues already use; also the URL segment. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const code = z
  .string()
  .trim()
  .regex(
    CODE_PATTERN,
    'A code is 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

export const name = z.string().trim().min(1, 'Required').max(200);
export const text = z.string().trim().max(4000);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}
export const timeZone = z.string().refine(isTimeZone, 'Not an IANA time zone (e.g. Europe/Rome)');

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 country code, e.g. IT');

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}
export const isoDate = z.string().refine(isCalendarDate, 'A calendar date, YYYY-MM-DD');

export const email = z.email('Not an e-mail address').max(254);
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()./-]{5,30}$/, 'A phone number, digits with an optional leading +');

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
export const location = z.object({ lat: latitude, lon: longitude }).strict();

export const address = z
  .object({
    street: z.string().trim().max(200).optional(),
    city: z.string().trim().max(100).optional(),
    postalCode: z.string().trim().max(20).optional(),
    region: z.string().trim().max(100).optional(),
    country: countryCode,
  })
  .strict();

export const contact = z
  .object({
    name,
    role: z.string().trim().max(100).optional(),
    email: email.optional(),
    phone: phone.optional(),
  })
  .strict();

/** References to other records, by their codes. */
export const codes = z.array(code).max(500);

/**
 * Indexes of the entries whose key repeats an earlier one: a skill or a priority listed twice is
 * a typing error, not a preference.
 */
export function repeatedIndexes<T>(values: readonly T[], key: (value: T) => string): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    const k = key(value);
    if (seen.has(k)) return [index];
    seen.add(k);
    return [];
  });
}

/** A list of codes whose entries must not repeat. */
export function uniqueCodes(max = 500) {
  return z
    .array(code)
    .max(max)
    .superRefine((values, ctx) => {
      for (const index of repeatedIndexes(values, (value) => value)) {
        ctx.addIssue({ code: 'custom', path: [index], message: `${values[index]} is listed twice` });
      }
    });
}
