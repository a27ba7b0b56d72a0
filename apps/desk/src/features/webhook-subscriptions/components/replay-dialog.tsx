import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';

/**
 * Asks from which log position to send the events again. A position is a whole number; one past the
 * log's head is the server's to refuse, on the field.
 */
export function ReplayDialog({
  pending,
  error,
  onReplay,
  onClose,
}: {
  pending: boolean;
  error: unknown;
  onReplay: (fromPosition: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const [position, setPosition] = useState('');
  const [invalid, setInvalid] = useState(false);
  const fieldError = fieldErrorsByPath(error)['fromPosition'];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = position.trim();
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      setInvalid(true);
      return;
    }
    onReplay(Number(text));
  };
  return (
    <Modal opened onClose={onClose} title={t('replay.title')} closeButtonProps={{ 'aria-label': t('close') }}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          {error && fieldError === undefined ? <ProblemAlert error={error} /> : null}
          <Text size="sm">{t('replay.body')}</Text>
          <TextInput
            label={t('replay.position')}
            inputMode="numeric"
            required
            data-autofocus
            value={position}
            error={invalid ? t('replay.positionRequired') : fieldError}
            onChange={(event) => {
              setInvalid(false);
              setPosition(event.currentTarget.value);
            }}
          />
          <DialogActions
            cancelLabel={t('confirmCancel')}
            onCancel={onClose}
            confirmLabel={t('replay.confirm')}
            pending={pending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
