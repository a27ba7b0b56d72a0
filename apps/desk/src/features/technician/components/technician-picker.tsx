import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTechnicianOptions } from '../hooks/use-technician-options';
import type { RecordOption } from '../types/record-option';

/**
 * For an office user: whose agenda to show, searched as they type. The chosen option is kept
 * aside, because the next search's answer may not contain it.
 */
export function TechnicianPicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (code: string | null) => void;
}) {
  const { t } = useTranslation('technician');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<RecordOption | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const q = chosen && debounced === chosen.label ? '' : debounced;
  const options = useTechnicianOptions(q, true);
  const current: RecordOption[] = value ? [chosen?.value === value ? chosen : { value, label: value }] : [];
  const data = [...current, ...(options.data ?? []).filter((option) => option.value !== value)];
  return (
    <Select
      label={t('picker.label')}
      placeholder={t('picker.placeholder')}
      data={data}
      value={value ?? null}
      onChange={(next, option) => {
        setChosen(next && option ? { value: option.value, label: option.label } : null);
        onChange(next);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The API already filtered by word prefix; filtering again by substring would hide matches.
      filter={({ options: all }) => all}
      nothingFoundMessage={t('picker.nothingFound')}
      size="md"
      maw={420}
    />
  );
}
