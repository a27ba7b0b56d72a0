import { SERVICE_REQUEST_PRIORITY_VALUES, type ServiceRequestPriorityValue } from '@fieldstream/api-contract';
import { Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { technicianPaths } from '../api/technician-paths';
import { useRequestCommand } from '../hooks/use-request-command';
import type { ActionDialogProps } from '../types/action-dialog-props';
import { CommandDialog } from './command-dialog';

/** Opens a new request linked to this one, for work that needs another visit. */
export function FollowUpDialog({
  priority: currentPriority,
  ...props
}: ActionDialogProps & { priority: ServiceRequestPriorityValue }) {
  const { t } = useTranslation('technician');
  const command = useRequestCommand(props.requestId);
  const [reason, setReason] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<ServiceRequestPriorityValue>(currentPriority);
  const [problems, setProblems] = useState<{ reason?: string; description?: string }>({});
  const server = fieldErrorsByPath(command.error);
  const submit = () => {
    const missing = {
      ...(reason.trim() ? {} : { reason: t('problems.required') }),
      ...(description.trim() ? {} : { description: t('problems.required') }),
    };
    setProblems(missing);
    if (Object.keys(missing).length > 0) return;
    command.mutate(
      {
        path: technicianPaths.followUps(props.requestId),
        version: props.version,
        body: { reason: reason.trim(), description: description.trim(), priority },
      },
      { onSuccess: props.onDone },
    );
  };
  return (
    <CommandDialog
      opened={props.opened}
      title={t('followUp.title')}
      submitLabel={t('followUp.submit')}
      online={props.online}
      pending={command.isPending}
      error={command.error}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <TextInput
        label={t('followUp.reason')}
        required
        size="md"
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={problems.reason ?? server['reason']}
      />
      <Textarea
        label={t('followUp.description')}
        required
        size="md"
        autosize
        minRows={3}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
        error={problems.description ?? server['description']}
      />
      <Select
        label={t('followUp.priority')}
        size="md"
        data={SERVICE_REQUEST_PRIORITY_VALUES.map((value) => ({ value, label: t(`priority.${value}`) }))}
        value={priority}
        onChange={(next) => next && setPriority(next as ServiceRequestPriorityValue)}
        allowDeselect={false}
        error={server['priority']}
      />
    </CommandDialog>
  );
}
