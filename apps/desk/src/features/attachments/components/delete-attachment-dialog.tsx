import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../types/attachment-info';

/** Deleting a file cannot be undone: ask first, naming the file. */
export function DeleteAttachmentDialog({
  attachment,
  pending,
  onConfirm,
  onClose,
}: {
  attachment: AttachmentInfo | null;
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('delete.cancel')}
          </Button>
          <Button color="red.9" loading={pending} onClick={onConfirm}>
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
