import { Select, type MantineSize } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordOptions, type RecordLabelOf } from '../hooks/use-record-options';
import type { RecordOption } from '../types/record-option';

export interface RecordSearchSelectProps {
  plural: string;
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  /** Record fields the options must have (`{ customerCode: 'ACME' }`). */
  where?: Record<string, string>;
  /** Off: nothing to choose from yet (no customer chosen, no site). */
  enabled?: boolean;
  required?: boolean;
  error?: string | undefined;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** How an option reads; by default its code, then its name. */
  labelOf?: RecordLabelOf;
  /** Said when the search finds nothing; by default "Nothing found". */
  nothingFound?: string;
  size?: MantineSize;
  w?: number | string;
  maw?: number | string;
}

/**
 * A select searching one master-data kind as the user types. The chosen option is kept aside:
 * the next search's answer may not contain it, and the select would then show a bare code.
 */
export function RecordSearchSelect({
  plural,
  label,
  value,
  onChange,
  where = {},
  enabled = true,
  required = false,
  error,
  description,
  placeholder,
  disabled = false,
  autoFocus = false,
  inputRef,
  labelOf,
  nothingFound,
  size,
  w,
  maw,
}: RecordSearchSelectProps) {
  const { t } = useTranslation('common');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<RecordOption | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const current = chosen && chosen.value === value ? chosen : null;
  const shownLabel = current?.label ?? value;
  // Once chosen, the box shows the option's label (or the bare code of a value the URL gave): do
  // not search for that.
  const q = shownLabel !== null && debounced === shownLabel ? '' : debounced;
  const options = useRecordOptions(plural, q, where, {
    enabled: enabled && !disabled,
    ...(labelOf ? { labelOf } : {}),
  });
  const found = (options.data ?? []).filter((option) => option.value !== value);
  const data = [...(value ? [current ?? { value, label: value }] : []), ...found];
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      required={required}
      error={error}
      disabled={disabled || !enabled}
      data-autofocus={autoFocus || undefined}
      autoFocus={autoFocus}
      ref={inputRef}
      data={data}
      value={value}
      onChange={(next) => {
        const option = next ? ((options.data ?? []).find((o) => o.value === next) ?? null) : null;
        setChosen(option);
        onChange(next);
      }}
      searchable
      clearable={!required}
      onSearchChange={setSearch}
      // The API already filtered by word prefix; filtering again by substring would hide matches.
      filter={({ options: all }) => all}
      nothingFoundMessage={
        options.isFetching ? t('picker.searching') : (nothingFound ?? t('picker.nothingFound'))
      }
      size={size}
      w={w}
      maw={maw}
    />
  );
}
