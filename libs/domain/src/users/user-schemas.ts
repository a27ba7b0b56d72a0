import { z } from 'zod';
import { USER_ROLES } from '../access/roles';
import { code, name } from '../master-data/fields';

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
