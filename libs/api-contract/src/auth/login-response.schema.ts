import { z } from 'zod';

/** The signed-in user as the desk shows them and decides its navigation from. */
export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'dispatcher', 'technician', 'manager', 'customer', 'auditor', 'integrator']),
  binding: z.object({
    unitCode: z.string().optional(),
    customerCode: z.string().optional(),
    technicianCode: z.string().optional(),
  }),
  language: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** What `POST /api/auth/login` answers: a bearer token, when it expires, and who it is for. */
export const loginResponseSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: sessionUserSchema,
});

export type LoginResponse = z.infer<typeof loginResponseSchema>;
