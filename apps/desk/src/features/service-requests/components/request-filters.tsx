import {
  SERVICE_REQUEST_PRIORITY_VALUES,
  SERVICE_REQUEST_SOURCE_VALUES,
  SERVICE_REQUEST_STATUS_VALUES,
  type ServiceRequestPriorityValue,
  type ServiceRequestSourceValue,
  type ServiceRequestStatusValue,
} from '@fieldstream/api-contract';
import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import { REQUEST_SORTS, type RequestListFilters, type RequestSort } from '../types/request-list-filters';

/**
 * The to-do list's filters. The search box writes to the URL once typing pauses, and follows the
 * URL when Back changes it.
 */
export function RequestFilters({
  filters,
  onChange,
  searchRef,
}: {
  filters: RequestListFilters;
  onChange: (change: Partial<RequestListFilters>) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation('serviceRequests');
  const [search, setSearch] = useState(filters.q);
  const [debounced] = useDebouncedValue(search, 300);
  const lastInUrl = useRef(filters.q);
  useEffect(() => {
    if (debounced === lastInUrl.current) return;
    lastInUrl.current = debounced;
    onChange({ q: debounced });
  }, [debounced, onChange]);
  useEffect(() => {
    if (filters.q === lastInUrl.current) return;
    lastInUrl.current = filters.q;
    setSearch(filters.q);
  }, [filters.q]);

  return (
    <Group align="flex-end" wrap="wrap" gap="sm" role="search" aria-label={t('list.filters')}>
      <TextInput
        ref={searchRef}
        type="search"
        label={t('list.search')}
        description={t('list.searchHint')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        aria-keyshortcuts="/"
        w={260}
      />
      <MultiSelect
        label={t('list.status')}
        placeholder={filters.statuses.length === 0 ? t('list.anyStatus') : undefined}
        data={SERVICE_REQUEST_STATUS_VALUES.map((status) => ({
          value: status,
          label: t(`status.${status}`),
        }))}
        value={filters.statuses}
        onChange={(statuses) => onChange({ statuses: statuses as ServiceRequestStatusValue[] })}
        clearable
        w={320}
      />
      <MultiSelect
        label={t('list.priority')}
        placeholder={filters.priorities.length === 0 ? t('list.any') : undefined}
        data={SERVICE_REQUEST_PRIORITY_VALUES.map((priority) => ({
          value: priority,
          label: t(`priority.${priority}`),
        }))}
        value={filters.priorities}
        onChange={(priorities) => onChange({ priorities: priorities as ServiceRequestPriorityValue[] })}
        clearable
        w={220}
      />
      <RecordSearchSelect
        plural="units"
        label={t('list.unit')}
        placeholder={t('list.any')}
        value={filters.unitCode}
        onChange={(unitCode) => onChange({ unitCode })}
        w={200}
      />
      <RecordSearchSelect
        plural="zones"
        label={t('list.zone')}
        placeholder={t('list.any')}
        value={filters.zoneCode}
        where={filters.unitCode ? { unitCode: filters.unitCode } : {}}
        onChange={(zoneCode) => onChange({ zoneCode })}
        w={200}
      />
      <Select
        label={t('list.source')}
        placeholder={t('list.any')}
        data={SERVICE_REQUEST_SOURCE_VALUES.map((source) => ({
          value: source,
          label: t(`source.${source}`),
        }))}
        value={filters.source}
        onChange={(source) => onChange({ source: source as ServiceRequestSourceValue | null })}
        clearable
        w={160}
      />
      <Select
        label={t('list.sort')}
        data={REQUEST_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
        value={filters.sort}
        onChange={(sort) => sort && onChange({ sort: sort as RequestSort })}
        allowDeselect={false}
        w={220}
      />
    </Group>
  );
}
