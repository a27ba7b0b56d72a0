import { SERVICE_REQUEST_PRIORITY_VALUES, type ServiceRequestDetail } from '@fieldstream/api-contract';
import { Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordSearchMultiSelect } from '../../../shared/components/record-search-multi-select';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import type { CommandField } from '../commands/command-fields';
import { useFormatters } from '../format/use-formatters';
import { SuspensionReasonSelect } from './suspension-reason-select';

/** One field of a command's form, drawn for its type. */
export function CommandFieldInput({
  field,
  value,
  onChange,
  error,
  request,
  autoFocus,
}: {
  field: CommandField;
  value: string | string[] | undefined;
  onChange: (value: string | string[] | undefined) => void;
  error: string | undefined;
  request: ServiceRequestDetail;
  autoFocus: boolean;
}) {
  const { t } = useTranslation('serviceRequests');
  const format = useFormatters();
  const label = t(`fields.${field.name}`);
  const text = typeof value === 'string' ? value : '';
  const common = { label, required: field.required, error, 'data-autofocus': autoFocus || undefined };
  switch (field.type) {
    case 'text':
      return <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'dateTime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'priority':
      return (
        <Select
          {...common}
          placeholder={t('form.unchanged')}
          data={SERVICE_REQUEST_PRIORITY_VALUES.map((priority) => ({
            value: priority,
            label: t(`priority.${priority}`),
          }))}
          value={text || null}
          onChange={(next) => onChange(next ?? undefined)}
          clearable
        />
      );
    case 'requestCondition':
      return (
        <Select
          {...common}
          data={request.conditionCodes}
          value={text || null}
          onChange={(next) => onChange(next ?? undefined)}
        />
      );
    case 'assignment':
      return (
        <Select
          {...common}
          data={request.assignments.map((assignment) => ({
            value: assignment.technicianCode,
            label: `${assignment.technicianName ?? assignment.technicianCode} · ${format.range(assignment.start, assignment.end)}`,
          }))}
          value={text || null}
          onChange={(next) => onChange(next ?? undefined)}
        />
      );
    case 'suspensionReason':
      return (
        <SuspensionReasonSelect
          {...common}
          value={text || null}
          onChange={(next) => onChange(next ?? undefined)}
        />
      );
    case 'condition':
      return (
        <RecordSearchSelect
          plural="conditions"
          label={label}
          required={field.required}
          error={error}
          autoFocus={autoFocus}
          value={text || null}
          onChange={(code) => onChange(code ?? undefined)}
        />
      );
    case 'conditions':
      return (
        <RecordSearchMultiSelect
          plural="conditions"
          label={label}
          error={error}
          value={Array.isArray(value) ? value : []}
          onChange={(codes) => onChange(codes)}
        />
      );
  }
}
