import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordOptions } from '../hooks/use-record-options';

/**
 * Several records of one master-data kind, searched as the user types. Labels of the chosen ones
 * are remembered, since later searches may not bring them back.
 */
export function RecordSearchMultiSelect({
  plural,
  label,
  value,
  onChange,
  where = {},
  error,
  description,
  placeholder,
  w,
}: {
  plural: string;
  label: string;
  value: string[];
  onChange: (codes: string[]) => void;
  /** Record fields the options must have; several filters: any of them. */
  where?: Record<string, string> | readonly Record<string, string>[];
  error?: string | undefined;
  description?: string;
  placeholder?: string;
  w?: number | string;
}) {
  const { t } = useTranslation('common');
  const [search, setSearch] = useState('');
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [debounced] = useDebouncedValue(search, 250);
  const options = useRecordOptions(plural, debounced, where, { limit: 50 });
  const found = (options.data ?? []).filter((option) => !value.includes(option.value));
  const data = [
    ...value.map((code) => ({ value: code, label: labels[code] ?? code })),
    ...found.map((option) => ({ value: option.value, label: option.label })),
  ];
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={placeholder}
      error={error}
      data={data}
      value={value}
      onChange={(codes) => {
        const known = new Map((options.data ?? []).map((option) => [option.value, option.label]));
        setLabels((current) => {
          const next = { ...current };
          for (const code of codes) next[code] = known.get(code) ?? current[code] ?? code;
          return next;
        });
        onChange(codes);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isFetching ? t('picker.searching') : t('picker.nothingFound')}
      w={w}
    />
  );
}
