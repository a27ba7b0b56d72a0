import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { commandCallOf } from '../commands/command-call-of';
import { COMMAND_FIELDS, type FormCommand } from '../commands/command-fields';
import type { CommandValues } from '../commands/command-values';
import { missingFields } from '../commands/missing-fields';
import { useRequestCommand } from '../hooks/use-request-command';
import { CommandFieldInput } from './command-field-input';
import { CommandProblemAlert } from './command-problem-alert';

const DESTRUCTIVE: readonly FormCommand[] = ['cancel', 'reject', 'unassign'];

/** What can be chosen for the user when there is only one choice. */
function initialValues(command: FormCommand, request: ServiceRequestDetail): CommandValues {
  const only = <T,>(list: readonly T[]) => (list.length === 1 ? list[0] : undefined);
  if (command === 'unassign') return { technicianCode: only(request.assignments)?.technicianCode };
  if (command === 'detachCondition') return { conditionCode: only(request.conditionCodes) };
  return {};
}

/**
 * The small form of one command: its fields, checked before sending, the API's field errors beside
 * them, sent with the request's version as `If-Match`.
 */
export function CommandForm({
  command,
  request,
  onCancel,
  onDone,
}: {
  command: FormCommand;
  request: ServiceRequestDetail;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('serviceRequests');
  const mutation = useRequestCommand(request.id);
  const fields = COMMAND_FIELDS[command];
  const [values, setValues] = useState<CommandValues>(() => initialValues(command, request));
  const [missing, setMissing] = useState<string[]>([]);
  const serverErrors = fieldErrorsByPath(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = missingFields(command, values);
    setMissing(empty);
    if (empty.length > 0) return;
    // The version read now: after a conflict the request was reloaded, and a retry decides on that.
    mutation.mutate(
      { ...commandCallOf(command, request.id, values), version: request.version },
      { onSuccess: onDone },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t(`commands.${command}.title`)}>
      <Stack gap="sm">
        <Text size="sm">{t(`commands.${command}.help`)}</Text>
        <CommandProblemAlert
          error={mutation.error}
          placed={(path) => fields.some((field) => path === field.name || path.startsWith(`${field.name}.`))}
        />
        {fields.map((field, index) => (
          <CommandFieldInput
            key={field.name}
            field={field}
            request={request}
            autoFocus={index === 0}
            value={values[field.name]}
            error={
              serverErrors[field.name] ??
              (missing.includes(field.name) ? t('form.problems.required') : undefined)
            }
            onChange={(value) => {
              setValues((current) => ({ ...current, [field.name]: value }));
              setMissing((current) => current.filter((name) => name !== field.name));
            }}
          />
        ))}
        <DialogActions
          cancelLabel={t('form.cancel')}
          onCancel={onCancel}
          confirmLabel={t(`commands.${command}.confirm`)}
          pending={mutation.isPending}
          destructive={DESTRUCTIVE.includes(command)}
        />
      </Stack>
    </form>
  );
}
