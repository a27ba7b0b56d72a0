import { z } from 'zod';
import { USER_ROLES } from '../access/roles';
import { code, email, name } from '../master-data/fields';
import { notificationPreferencesSchema } from '../notifications/notification-preferences';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._@-]{1,99}$/,
    'A user name is 2–100 lower-case letters, digits, dots, dashes, @ or _',
  );

/** Length is what makes a password strong; composition rules only make people write them down. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

/** Whose data a scoped role reaches: see Principal. */
export const userBindingSchema = z
  .object({
    unitCode: code.optional(),
    customerCode: code.optional(),
    technicianCode: code.optional(),
  })
  .strict();

export const userProfileSchema = z
  .object({
    displayName: name,
    role: z.enum(USER_ROLES),
    binding: userBindingSchema.default({}),
    language: z.enum(['it', 'en']).default('it'),
    /** Where e-mail and text messages reach the user (notifications). */
    email: email.optional(),
    /** Spaces, dots and dashes people type are dropped: `+39 347 123 4567` is kept as +393471234567. */
    phone: z
      .string()
      .transform((value) => value.replace(/[\s.-]/g, ''))
      .pipe(
        z
          .string()
          .regex(/^\+[1-9][0-9]{6,14}$/, 'A phone number in international form, e.g. +39 347 1234567'),
      )
      .optional(),
    /** The user's own switches for notifications; absent means the defaults. */
    notifications: notificationPreferencesSchema.optional(),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const need = (field: 'unitCode' | 'customerCode' | 'technicianCode', why: string) => {
      if (!profile.binding[field]) ctx.addIssue({ code: 'custom', path: ['binding', field], message: why });
    };
    if (profile.role === 'dispatcher' || profile.role === 'manager')
      need('unitCode', 'Say which unit this user works for');
    if (profile.role === 'customer') need('customerCode', 'A customer user belongs to a customer');
    if (profile.role === 'technician') need('technicianCode', 'Say which technician this user is');
  });
export type UserProfile = z.infer<typeof userProfileSchema>;

export const newUserSchema = z.intersection(
  userProfileSchema,
  z.object({ username: usernameSchema, password: newPasswordSchema }),
);
