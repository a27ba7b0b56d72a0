import { SERVICE_REQUEST_PRIORITY_VALUES, type ServiceRequestPriorityValue } from '@fieldstream/api-contract';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import type { SlaDashboardFilters } from '../types/sla-dashboard-filters';

/**
 * Centre, zone, priority and period. The period's inputs show the days the answer covers when the
 * URL names none (the API's default: the last 30 days); changing one bound writes both, so the
 * other does not move with the API's default.
 */
export function SlaFilterBar({
  filters,
  period,
  onChange,
}: {
  filters: SlaDashboardFilters;
  period: { from: string; to: string } | undefined;
  onChange(change: Partial<SlaDashboardFilters>): void;
}) {
  const { t } = useTranslation(['serviceLevels', 'serviceRequests']);
  const from = filters.from ?? period?.from ?? '';
  const to = filters.to ?? period?.to ?? '';
  const filtered = Object.values(filters).some((value) => value !== null);
  return (
    <Group align="flex-end" wrap="wrap" gap="sm" role="search" aria-label={t('filters.label')}>
      <RecordSearchSelect
        plural="units"
        label={t('filters.unit')}
        placeholder={t('filters.any')}
        value={filters.unitCode}
        onChange={(unitCode) => onChange({ unitCode, zoneCode: null })}
        w={220}
      />
      <RecordSearchSelect
        plural="zones"
        label={t('filters.zone')}
        placeholder={t('filters.any')}
        value={filters.zoneCode}
        where={filters.unitCode ? { unitCode: filters.unitCode } : {}}
        onChange={(zoneCode) => onChange({ zoneCode })}
        w={220}
      />
      <Select
        label={t('filters.priority')}
        placeholder={t('filters.any')}
        data={SERVICE_REQUEST_PRIORITY_VALUES.map((priority) => ({
          value: priority,
          label: t(`serviceRequests:priority.${priority}`),
        }))}
        value={filters.priority}
        onChange={(priority) => onChange({ priority: priority as ServiceRequestPriorityValue | null })}
        clearable
        w={160}
      />
      <TextInput
        type="date"
        label={t('filters.from')}
        value={from}
        max={to || undefined}
        onChange={(event) => onChange({ from: event.currentTarget.value || null, to: to || null })}
        w={160}
      />
      <TextInput
        type="date"
        label={t('filters.to')}
        value={to}
        min={from || undefined}
        onChange={(event) => onChange({ from: from || null, to: event.currentTarget.value || null })}
        w={160}
      />
      {filtered && (
        <Button
          variant="default"
          onClick={() => onChange({ unitCode: null, zoneCode: null, priority: null, from: null, to: null })}
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
