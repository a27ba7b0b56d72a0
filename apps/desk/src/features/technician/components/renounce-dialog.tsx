import { Select, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { technicianPaths } from '../api/technician-paths';
import { useRequestCommand } from '../hooks/use-request-command';
import type { ActionDialogProps } from '../types/action-dialog-props';
import { CommandDialog } from './command-dialog';

/**
 * Gives the job back to dispatch, with one of the organisation's reasons and an explanation
 * (both required). The dialog is the confirmation: it says what will happen before it happens.
 */
export function RenounceDialog({
  reasons,
  ...props
}: ActionDialogProps & { reasons: readonly { code: string; label: string }[] }) {
  const { t } = useTranslation('technician');
  // The answer takes 'renounce' off the sheet, which unmounts this dialog: `onDone` must not hang
  // on a per-call callback (skipped after an unmount) but on the command's own.
  const command = useRequestCommand(props.requestId, { leave: props.onDone });
  const [reasonCode, setReasonCode] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<{ reasonCode?: string; text?: string }>({});
  const server = fieldErrorsByPath(command.error);
  const submit = () => {
    const missing = {
      ...(reasonCode ? {} : { reasonCode: t('problems.required') }),
      ...(text.trim() ? {} : { text: t('problems.required') }),
    };
    setProblems(missing);
    if (!reasonCode || !text.trim()) return;
    command.mutate({
      path: technicianPaths.action(props.requestId, 'renounce'),
      version: props.version,
      body: { reasonCode, text: text.trim(), ...props.technicianBody },
    });
  };
  return (
    <CommandDialog
      opened={props.opened}
      title={t('renounce.title')}
      submitLabel={t('renounce.submit')}
      online={props.online}
      pending={command.isPending}
      error={command.error}
      destructive
      onClose={props.onClose}
      onSubmit={submit}
    >
      <Text>{t('renounce.warning')}</Text>
      <Select
        label={t('renounce.reason')}
        required
        size="md"
        data={reasons.map((reason) => ({ value: reason.code, label: reason.label }))}
        value={reasonCode}
        onChange={setReasonCode}
        allowDeselect={false}
        error={problems.reasonCode ?? server['reasonCode']}
      />
      <Textarea
        label={t('renounce.text')}
        description={t('renounce.textHint')}
        required
        size="md"
        autosize
        minRows={3}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={problems.text ?? server['text']}
      />
    </CommandDialog>
  );
}
