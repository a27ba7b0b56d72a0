import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useLogin } from '../hooks/use-login';
import { validateLoginForm } from '../hooks/validate-login-form';
import type { LoginField, LoginFormErrors } from '../types/login-form-errors';

const FIELDS: readonly LoginField[] = ['username', 'password'];

export function LoginForm() {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [values, setValues] = useState<Record<LoginField, string>>({ username: '', password: '' });
  const [errors, setErrors] = useState<LoginFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [passwordVisible, setPasswordVisible] = useState(false);
  const inputs = useRef<Partial<Record<LoginField, HTMLInputElement | null>>>({});

  const change = (field: LoginField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // Once the user has seen the messages, they update as they type, so a fixed field clears.
    if (submitted) {
      const result = validateLoginForm(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const result = validateLoginForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      login.reset();
      const firstInvalid = FIELDS.find((field) => result.errors[field]);
      if (firstInvalid) inputs.current[firstInvalid]?.focus();
      return;
    }
    setErrors({});
    login.mutate(result.request);
  };

  const serverProblem = login.error instanceof ApiProblemError ? login.error : undefined;
  const messageFor = (field: LoginField): string | undefined => {
    const own = errors[field];
    if (own) return t(own.key, own.values);
    // The server's field-level detail is shown in place, in its own words.
    return serverProblem?.problemFor(field)?.detail || undefined;
  };

  const passwordMessage = messageFor('password');

  return (
    <form noValidate onSubmit={submit} aria-describedby={login.error ? 'login-problem' : undefined}>
      <Stack gap="md">
        {login.error && (
          <div id="login-problem">
            <ProblemAlert
              error={login.error}
              overrides={{
                401: { title: t('problem.unauthorized.title'), body: t('problem.unauthorized.body') },
                404: { title: t('problem.notAvailable.title'), body: t('problem.notAvailable.body') },
                405: { title: t('problem.notAvailable.title'), body: t('problem.notAvailable.body') },
                429: { title: t('problem.tooManyAttempts.title'), body: t('problem.tooManyAttempts.body') },
                501: { title: t('problem.notAvailable.title'), body: t('problem.notAvailable.body') },
              }}
            />
          </div>
        )}
        <TextInput
          ref={(element) => {
            inputs.current.username = element;
          }}
          name="username"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.username}
          onChange={(event) => change('username', event.currentTarget.value)}
          error={messageFor('username')}
        />
        <PasswordInput
          ref={(element) => {
            inputs.current.password = element;
          }}
          id="login-password"
          name="password"
          label={t('login.password')}
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(event) => change('password', event.currentTarget.value)}
          error={passwordMessage}
          // Mantine's PasswordInput does not link its error to the inner input; do it here.
          aria-invalid={passwordMessage ? true : undefined}
          aria-describedby={passwordMessage ? 'login-password-error' : undefined}
          visible={passwordVisible}
          onVisibilityChange={setPasswordVisible}
          visibilityToggleButtonProps={{
            'aria-label': passwordVisible ? t('login.hidePassword') : t('login.showPassword'),
          }}
        />
        <Button type="submit" fullWidth mt="xs" loading={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
