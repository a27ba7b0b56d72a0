import { masterDataKind, type MasterDataKindName } from '@fieldstream/domain';
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../api/master-data-paths';
import type { RecordPage } from '../types/master-data-types';

interface CommonProps {
  refKind: MasterDataKindName;
  label: string;
  required: boolean;
  error?: string | undefined;
  readOnly: boolean;
}

function optionLabel(code: string, record: Record<string, unknown>): string {
  return typeof record['name'] === 'string' ? `${code} · ${record['name']}` : code;
}

/** Searches the referenced kind as the user types (word-prefix search on the server). */
function useReferenceOptions(refKind: MasterDataKindName, search: string, selected: string[]) {
  const api = useApi();
  const [debounced] = useDebouncedValue(search, 250);
  const plural = masterDataKind(refKind).plural;
  const query = useQuery({
    queryKey: ['master-data', plural, 'options', debounced],
    queryFn: ({ signal }) =>
      api<RecordPage>(masterDataPaths.list(plural, { q: debounced, limit: 20 }), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const options = (query.data?.items ?? []).map((item) => ({
    value: item.code,
    label: optionLabel(item.code, item.record),
  }));
  // The current values stay selectable even when the search does not find them.
  for (const code of selected)
    if (!options.some((option) => option.value === code)) options.push({ value: code, label: code });
  return { options, loading: query.isFetching };
}

const serverFiltered = ({ options }: { options: unknown }) => options as never;

export function ReferenceSelect({
  value,
  onChange,
  ...props
}: CommonProps & { value: string | undefined; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation('masterData');
  const [search, setSearch] = useState('');
  const selected = value ? [value] : [];
  const { options } = useReferenceOptions(props.refKind, search.includes(' · ') ? '' : search, selected);
  return (
    <Select
      label={props.label}
      required={props.required}
      error={props.error}
      readOnly={props.readOnly}
      searchable
      clearable={!props.required}
      searchValue={search}
      onSearchChange={setSearch}
      filter={serverFiltered}
      nothingFoundMessage={t('form.nothingFound')}
      data={options}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
    />
  );
}

export function ReferenceMultiSelect({
  value,
  onChange,
  ...props
}: CommonProps & { value: string[]; onChange: (value: string[]) => void }) {
  const { t } = useTranslation('masterData');
  const [search, setSearch] = useState('');
  const { options } = useReferenceOptions(props.refKind, search, value);
  return (
    <MultiSelect
      label={props.label}
      required={props.required}
      error={props.error}
      readOnly={props.readOnly}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={serverFiltered}
      nothingFoundMessage={t('form.nothingFound')}
      data={options}
      value={value}
      onChange={onChange}
    />
  );
}
