import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { type RecordOption, searchRecords } from '../api/search-records';

/**
 * A select searching the API as the user types. The chosen option is kept aside, because the next
 * search's answer may not contain it and the select would then show nothing.
 */
export function RecordPicker({
  plural,
  label,
  placeholder,
  value,
  onChange,
}: {
  plural: 'technicians' | 'sites';
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const token = useSession().session?.token;
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<RecordOption | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  // Once chosen, the search box shows the option's label: do not search for that.
  const q = chosen && debounced === chosen.label ? '' : debounced;
  const options = useQuery({
    queryKey: ['record-options', plural, q],
    queryFn: ({ signal }) => searchRecords(plural, q, token, signal),
    placeholderData: keepPreviousData,
  });
  const data = [
    ...(chosen && chosen.value === value ? [chosen] : []),
    ...(options.data ?? []).filter((o) => o.value !== chosen?.value),
  ];
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={value}
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
      w={300}
    />
  );
}
