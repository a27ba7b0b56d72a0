import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';

/**
 * Asks before an action on the user's own push devices or webhook that takes effect at once
 * (removing, making a new secret), saying what follows; a refusal of the API shows inside it.
 */
export function ConfirmActionDialog({
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('notifications');
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('endpoints.close') }}>
      <Stack gap="md">
        {error ? <ProblemAlert error={error} /> : null}
        <Text size="sm">{body}</Text>
        <DialogActions
          cancelLabel={t('endpoints.cancel')}
          onCancel={onClose}
          confirmLabel={confirmLabel}
          pending={pending}
          destructive
          onConfirm={onConfirm}
        />
      </Stack>
    </Modal>
  );
}
