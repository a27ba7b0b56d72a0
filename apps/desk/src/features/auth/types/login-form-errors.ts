/**
 * Per-field messages as translation keys with their values, not text, so a message already on
 * screen follows a language switch.
 */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}

export type LoginField = 'username' | 'password';

export type LoginFormErrors = Partial<Record<LoginField, FieldMessage>>;
