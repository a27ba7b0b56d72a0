import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useUserCommands } from '../hooks/use-user-commands';
import type { UserAccount } from '../types/user-types';

/** Sets a new password for someone who lost theirs; their open sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { resetPassword } = useUserCommands();
  const [password, setPassword] = useState('');
  const errors = fieldErrorsByPath(resetPassword.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    resetPassword.mutate({ id: user._id, newPassword: password }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('reset.title', { username: user.username })}>
      <form noValidate onSubmit={submit}>
        <Stack>
          {resetPassword.error && Object.keys(errors).length === 0 && (
            <ProblemAlert error={resetPassword.error} />
          )}
          <PasswordInput
            label={t('reset.newPassword')}
            required
            autoComplete="new-password"
            value={password}
            error={errors['newPassword'] ?? Object.values(errors)[0]}
            description={t('form.passwordHint')}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <DialogActions
            cancelLabel={t('actions.cancel')}
            onCancel={onClose}
            confirmLabel={t('reset.submit')}
            pending={resetPassword.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
