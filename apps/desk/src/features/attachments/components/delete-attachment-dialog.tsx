import type { AttachmentAnswer } from '@fieldstream/api-contract';
import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../shared/components/dialog-actions';

/** Deleting a file cannot be undone: ask first, naming the file. */
export function DeleteAttachmentDialog({
  attachment,
  pending,
  onConfirm,
  onClose,
}: {
  attachment: AttachmentAnswer | null;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('attachments');
  return (
    <Modal
      opened={attachment !== null}
      onClose={onClose}
      title={t('delete.title')}
      closeButtonProps={{ 'aria-label': t('delete.cancel') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('delete.body', { name: attachment?.fileName ?? '' })}</Text>
        <DialogActions
          cancelLabel={t('delete.cancel')}
          onCancel={onClose}
          confirmLabel={t('delete.confirm')}
          pending={pending}
          destructive
          onConfirm={onConfirm}
        />
      </Stack>
    </Modal>
  );
}
