import { USER_ROLES } from '@fieldstream/domain';
import { Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { ReferenceSelect } from '../../master-data/components/reference-select';
import { useUserCommands } from '../hooks/use-user-commands';
import type { UserAccount, UserBinding, UserProfile, UserRole } from '../types/user-types';

/** The binding a role needs: whose data a scoped user reaches. */
const BINDING_OF: Partial<
  Record<UserRole, { field: keyof UserBinding; kind: 'unit' | 'customer' | 'technician' }>
> = {
  dispatcher: { field: 'unitCode', kind: 'unit' },
  manager: { field: 'unitCode', kind: 'unit' },
  customer: { field: 'customerCode', kind: 'customer' },
  technician: { field: 'technicianCode', kind: 'technician' },
};

/** Creates an account (with its first password) or edits one's profile, role and binding. */
export function UserFormDialog({
  user,
  opened,
  onClose,
}: {
  user: UserAccount | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const commands = useUserCommands();
  const creating = user === null;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [profile, setProfile] = useState<UserProfile>(
    () => user?.profile ?? { displayName: '', role: 'dispatcher', binding: {}, language: 'it' },
  );
  const mutation = creating ? commands.register : commands.change;
  const errors = fieldErrorsByPath(mutation.error);
  const binding = BINDING_OF[profile.role];

  const close = () => {
    mutation.reset();
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Only the binding the role uses is sent: a leftover unit on a customer user would confuse scope.
    const body: UserProfile = {
      ...profile,
      binding:
        binding && profile.binding[binding.field] ? { [binding.field]: profile.binding[binding.field] } : {},
    };
    if (creating)
      commands.register.mutate({ ...body, username: username.trim(), password }, { onSuccess: close });
    else commands.change.mutate({ id: user._id, profile: body }, { onSuccess: close });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={creating ? t('form.createTitle') : t('form.editTitle', { username: user.username })}
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          {mutation.error &&
            !(mutation.error instanceof ApiProblemError && mutation.error.status === 400) && (
              <ProblemAlert error={mutation.error} />
            )}
          {creating && (
            <>
              <TextInput
                label={t('fields.username')}
                required
                autoComplete="off"
                value={username}
                error={errors['username']}
                onChange={(e) => setUsername(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('fields.password')}
                required
                autoComplete="new-password"
                value={password}
                error={errors['password']}
                description={t('form.passwordHint')}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
            </>
          )}
          <TextInput
            label={t('fields.displayName')}
            required
            value={profile.displayName}
            error={errors['displayName']}
            onChange={(e) => {
              const displayName = e.currentTarget.value;
              setProfile((current) => ({ ...current, displayName }));
            }}
          />
          <Select
            label={t('fields.role')}
            required
            allowDeselect={false}
            data={USER_ROLES.map((role) => ({ value: role, label: t(`shell:roles.${role}`) }))}
            value={profile.role}
            error={errors['role']}
            onChange={(role) => role && setProfile((current) => ({ ...current, role: role as UserRole }))}
          />
          {binding && (
            <ReferenceSelect
              refKind={binding.kind}
              label={t(`fields.${binding.field}`)}
              required
              readOnly={false}
              value={profile.binding[binding.field]}
              error={errors[`binding.${binding.field}`]}
              onChange={(code) =>
                setProfile((current) => ({
                  ...current,
                  binding: { ...current.binding, [binding.field]: code },
                }))
              }
            />
          )}
          <Select
            label={t('fields.language')}
            required
            allowDeselect={false}
            data={[
              { value: 'it', label: 'Italiano' },
              { value: 'en', label: 'English' },
            ]}
            value={profile.language}
            onChange={(language) =>
              language && setProfile((current) => ({ ...current, language: language as 'it' | 'en' }))
            }
          />
          <DialogActions
            cancelLabel={t('actions.cancel')}
            onCancel={close}
            confirmLabel={creating ? t('actions.create') : t('actions.save')}
            pending={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
