import { Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';

/** Asks before an action that takes effect at once (delete, rotate), saying what follows. */
export function WebhookConfirmDialog({
  title,
  body,
  confirmLabel,
  pending,
  error,
  destructive = true,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  destructive?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack gap="md">
        {error ? <ProblemAlert error={error} /> : null}
        <Text size="sm">{body}</Text>
        {children}
        <DialogActions
          cancelLabel={t('confirmCancel')}
          onCancel={onClose}
          confirmLabel={confirmLabel}
          pending={pending}
          destructive={destructive}
          onConfirm={onConfirm}
        />
      </Stack>
    </Modal>
  );
}
