import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useAcknowledgeEscalation } from '../hooks/use-acknowledge-escalation';

const NOTE_LIMIT = 500;

/**
 * Acknowledges a request's escalation with an optional note: whoever answers has seen the alarm,
 * so every level raised and not yet acknowledged is covered. Closes on success.
 */
export function AcknowledgeDialog({
  requestId,
  reference,
  onClose,
  onAcknowledged,
}: {
  requestId: string;
  reference: string;
  onClose: () => void;
  onAcknowledged?: () => void;
}) {
  const { t } = useTranslation('notifications');
  const acknowledge = useAcknowledgeEscalation();
  const [note, setNote] = useState('');
  const errors = fieldErrorsByPath(acknowledge.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    acknowledge.mutate(
      { requestId, note },
      {
        onSuccess: () => {
          onAcknowledged?.();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('escalation.dialog.title')}
      closeButtonProps={{ 'aria-label': t('escalation.dialog.close') }}
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <Text size="sm">{t('escalation.dialog.body', { reference })}</Text>
          {acknowledge.error && errors['note'] === undefined && <ProblemAlert error={acknowledge.error} />}
          <Textarea
            label={t('escalation.dialog.note')}
            description={t('escalation.dialog.noteHint')}
            autosize
            minRows={2}
            maxLength={NOTE_LIMIT}
            value={note}
            error={errors['note']}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-autofocus
          />
          <DialogActions
            cancelLabel={t('escalation.dialog.cancel')}
            onCancel={onClose}
            confirmLabel={t('escalation.dialog.submit')}
            pending={acknowledge.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
