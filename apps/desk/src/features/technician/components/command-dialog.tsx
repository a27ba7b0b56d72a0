import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandButton } from './command-button';
import { CommandProblem } from './command-problem';

/** A dialog that sends one command: its fields, why it failed, cancel and confirm. */
export function CommandDialog({
  opened,
  title,
  submitLabel,
  online,
  pending,
  error,
  destructive = false,
  onClose,
  onSubmit,
  children,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  online: boolean;
  pending: boolean;
  error: unknown;
  destructive?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('technician');
  // On a phone the on-screen keyboard leaves little room: the dialog takes the whole screen.
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('actions.closeDialog') }}
    >
      <form noValidate onSubmit={submit} aria-label={title}>
        <Stack>
          {error ? <CommandProblem error={error} /> : null}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" mih={44} onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <CommandButton
              type="submit"
              online={online}
              loading={pending}
              color={destructive ? 'red.9' : undefined}
            >
              {submitLabel}
            </CommandButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
