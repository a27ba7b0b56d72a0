import { z } from 'zod';

/**
 * What a successful login answers. Provisional: authentication arrives in a later issue; the desk
 * needs only an opaque bearer token to hold the session.
 */
export const loginResponseSchema = z.object({
  token: z.string().min(1),
});

export type LoginResponse = z.infer<typeof loginResponseSchema>;
