import {
  loginRequestSchema,
  PASSWORD_MAX_LENGTH,
  USERNAME_MAX_LENGTH,
  type LoginRequest,
} from '@fieldstream/api-contract';
import type { FieldMessage, LoginField, LoginFormErrors } from '../types/login-form-errors';

const MAX_LENGTH: Record<LoginField, number> = {
  username: USERNAME_MAX_LENGTH,
  password: PASSWORD_MAX_LENGTH,
};

function isLoginField(value: unknown): value is LoginField {
  return value === 'username' || value === 'password';
}

function messageFor(field: LoginField, code: string): FieldMessage {
  if (code === 'too_small' || code === 'invalid_type') return { key: `validation.${field}.required` };
  if (code === 'too_big') return { key: `validation.${field}.tooLong`, values: { max: MAX_LENGTH[field] } };
  return { key: 'validation.invalid' };
}

/** Runs the shared contract schema, so the desk rejects exactly what the API would. */
export function validateLoginForm(
  values: Record<LoginField, string>,
): { ok: true; request: LoginRequest } | { ok: false; errors: LoginFormErrors } {
  const result = loginRequestSchema.safeParse(values);
  if (result.success) return { ok: true, request: result.data };
  const errors: LoginFormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isLoginField(field) && !errors[field]) errors[field] = messageFor(field, issue.code);
  }
  return { ok: false, errors };
}
