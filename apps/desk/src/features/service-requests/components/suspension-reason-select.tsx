import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSuspensionReasons } from '../hooks/use-suspension-reasons';

/**
 * Why the request is put on hold, from the organisation's list. Optional: without one the SLA
 * clocks keep running; the contract says which reasons pause them (by default, waiting for the
 * customer).
 */
export function SuspensionReasonSelect({
  label,
  required,
  error,
  value,
  onChange,
  'data-autofocus': autoFocus,
}: {
  label: string;
  required: boolean;
  error: string | undefined;
  value: string | null;
  onChange: (code: string | null) => void;
  'data-autofocus'?: boolean | undefined;
}) {
  const { t } = useTranslation('serviceRequests');
  const reasons = useSuspensionReasons();
  // A code the list no longer holds (a URL, an old draft) still shows as itself.
  const data = reasons.map((reason) => ({ value: reason.code, label: reason.label }));
  if (value && !data.some((option) => option.value === value)) data.push({ value, label: value });
  return (
    <Select
      label={label}
      description={t('form.reasonCodeHint')}
      placeholder={t('form.reasonCodeNone')}
      required={required}
      error={error}
      data-autofocus={autoFocus}
      data={data}
      value={value}
      onChange={onChange}
      clearable
    />
  );
}
