import { Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../shared/components/dialog-actions';

/** Retiring keeps the record (history, old references) but takes it out of use: a reason is asked. */
export function RetireDialog({
  opened,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation('masterData');
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t('record.retireTitle')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim() === '') return setEmpty(true);
          onConfirm(reason.trim());
        }}
      >
        <Stack>
          <Textarea
            label={t('record.retireReason')}
            required
            autosize
            minRows={2}
            value={reason}
            error={empty ? t('record.retireReasonRequired') : error}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setEmpty(false);
            }}
          />
          <DialogActions
            cancelLabel={t('record.cancel')}
            onCancel={onClose}
            confirmLabel={t('record.retire')}
            pending={pending}
            destructive
          />
        </Stack>
      </form>
    </Modal>
  );
}
