import { z } from 'zod';

/** Upper bounds keep a hostile client from making the server hash megabytes. */
export const USERNAME_MAX_LENGTH = 100;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * What the desk posts to `POST /api/auth/login`. Issues carry zod's codes (`too_small`,
 * `too_big`, `invalid_type`) and the field in `path`, never user-facing text: the desk
 * translates them, and the API names the field in its problem details.
 */
export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(USERNAME_MAX_LENGTH),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export type LoginRequest = z.infer<typeof loginRequestSchema>;
