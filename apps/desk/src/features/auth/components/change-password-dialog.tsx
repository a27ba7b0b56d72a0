import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useChangePassword } from '../hooks/use-change-password';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

/** The user's own password. The API's field errors (wrong current password, too short) appear on their fields. */
export function ChangePasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  const close = () => {
    setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
    setMismatch(false);
    setDone(false);
    change.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values.newPassword !== values.confirmPassword) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => setDone(true) },
    );
  };

  const problem = change.error instanceof ApiProblemError ? change.error : undefined;
  const errorFor = (field: Field) => {
    if (field === 'confirmPassword') return mismatch ? t('changePassword.mismatch') : undefined;
    return problem?.problemFor(field)?.detail || undefined;
  };
  const input = (field: Field, autoComplete: string) => {
    const error = errorFor(field);
    return (
      <PasswordInput
        id={`change-${field}`}
        name={field}
        label={t(`changePassword.${field}`)}
        autoComplete={autoComplete}
        required
        value={values[field]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setValues((current) => ({ ...current, [field]: value }));
        }}
        error={error}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `change-${field}-error` : undefined}
      />
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('changePassword.title')}>
      {done ? (
        <Stack>
          <Text role="status">{t('changePassword.done')}</Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('changePassword.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack>
            {change.error && !(problem && problem.fieldProblems.length > 0) && (
              <ProblemAlert error={change.error} />
            )}
            {input('currentPassword', 'current-password')}
            {input('newPassword', 'new-password')}
            {input('confirmPassword', 'new-password')}
            <Text size="xs" c="dimmed">
              {t('changePassword.hint')}
            </Text>
            <DialogActions
              cancelLabel={t('changePassword.cancel')}
              onCancel={close}
              confirmLabel={t('changePassword.submit')}
              pending={change.isPending}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
