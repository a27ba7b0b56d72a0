import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordName } from '../hooks/use-record-names';
import type { MovementField } from '../movement/movement-fields';
import { OPTIONAL_MOVEMENT_FIELDS } from '../movement/movement-fields';

const optionsOf = (records: readonly RecordName[]) =>
  records.map((record) => ({
    value: record.code,
    label: record.name ? `${record.code} · ${record.name}` : record.code,
  }));

/** One field of the movement form: item and destination are pickers, quantities take decimals. */
export function MovementFieldInput({
  field,
  value,
  error,
  items,
  destinations,
  onChange,
}: {
  field: MovementField;
  value: string;
  error: string | undefined;
  items: readonly RecordName[];
  destinations: readonly RecordName[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('stock');
  const common = {
    label: t(`movement.fields.${field}`),
    required: !OPTIONAL_MOVEMENT_FIELDS.has(field),
    error,
  };
  if (field === 'itemCode' || field === 'toWarehouseCode') {
    return (
      <Select
        {...common}
        data={optionsOf(field === 'itemCode' ? items : destinations)}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        searchable
        clearable
        // Picking the chosen option again must not empty the field; the clear button does that.
        allowDeselect={false}
        nothingFoundMessage={t('movement.nothingFound')}
        placeholder={t(`movement.placeholders.${field}`)}
      />
    );
  }
  return (
    <TextInput
      {...common}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...(field === 'quantity' || field === 'counted' ? { inputMode: 'decimal' as const } : {})}
      {...(field === 'reservationId' ? { description: t('movement.reservationHint') } : {})}
    />
  );
}
