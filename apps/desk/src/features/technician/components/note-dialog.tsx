import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { technicianPaths } from '../api/technician-paths';
import { useRequestCommand } from '../hooks/use-request-command';
import type { ActionDialogProps } from '../types/action-dialog-props';
import { CommandDialog } from './command-dialog';

/** Adds a note to the request's history, for the office and the next technician. */
export function NoteDialog(props: ActionDialogProps) {
  const { t } = useTranslation('technician');
  const command = useRequestCommand(props.requestId);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const server = fieldErrorsByPath(command.error);
  const submit = () => {
    if (!text.trim()) {
      setProblem(t('problems.required'));
      return;
    }
    setProblem(undefined);
    command.mutate(
      { path: technicianPaths.notes(props.requestId), version: props.version, body: { text: text.trim() } },
      {
        onSuccess: () => {
          setText('');
          props.onDone();
        },
      },
    );
  };
  return (
    <CommandDialog
      opened={props.opened}
      title={t('note.title')}
      submitLabel={t('note.submit')}
      online={props.online}
      pending={command.isPending}
      error={command.error}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <Textarea
        label={t('note.text')}
        required
        size="md"
        autosize
        minRows={4}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={problem ?? server['text']}
      />
    </CommandDialog>
  );
}
