import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import type { BoardFilters } from '../types/board-filters';

/** Service centre, zone and skill: which technicians are the board's rows. */
export function BoardFilterBar({
  filters,
  onChange,
}: {
  filters: BoardFilters;
  onChange(change: Partial<BoardFilters>): void;
}) {
  const { t } = useTranslation('dispatchBoard');
  return (
    <Group align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
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
      <RecordSearchSelect
        plural="skills"
        label={t('filters.skill')}
        placeholder={t('filters.any')}
        value={filters.skillCode}
        onChange={(skillCode) => onChange({ skillCode })}
        w={220}
      />
    </Group>
  );
}
