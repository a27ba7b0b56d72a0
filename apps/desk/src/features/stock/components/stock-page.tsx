import { Checkbox, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useRecordNames } from '../hooks/use-record-names';
import { useStockLevels } from '../hooks/use-stock-levels';
import { filterLevels, type LevelFilter } from '../levels/filter-levels';
import { StockLevelsTable } from './stock-levels-table';

const optionsOf = (records: readonly { code: string; name: string }[]) =>
  records.map((record) => ({
    value: record.code,
    label: record.name ? `${record.code} · ${record.name}` : record.code,
  }));

/** `/app/stock`: levels across every warehouse and van the user can see, with filters. */
export function StockPage() {
  const { t } = useTranslation('stock');
  useDocumentTitle(`${t('page.title')} · Fieldstream`);
  const levels = useStockLevels();
  const items = useRecordNames('items');
  const warehouses = useRecordNames('warehouses');
  const [filter, setFilter] = useState<LevelFilter>({
    warehouseCode: null,
    itemCode: null,
    onlyShortages: false,
  });
  const itemNames = new Map((items.data ?? []).map((item) => [item.code, item.name]));
  const shown = filterLevels(levels.data ?? [], filter);
  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        {t('page.title')}
      </Title>
      <Group align="flex-end" wrap="wrap" role="search" aria-label={t('page.filters')}>
        <Select
          label={t('page.warehouse')}
          placeholder={t('page.any')}
          data={optionsOf(warehouses.data ?? [])}
          value={filter.warehouseCode}
          onChange={(warehouseCode) => setFilter((current) => ({ ...current, warehouseCode }))}
          searchable
          clearable
          w={260}
        />
        <Select
          label={t('page.item')}
          placeholder={t('page.any')}
          data={optionsOf(items.data ?? [])}
          value={filter.itemCode}
          onChange={(itemCode) => setFilter((current) => ({ ...current, itemCode }))}
          searchable
          clearable
          w={260}
        />
        <Checkbox
          label={t('page.onlyShortages')}
          checked={filter.onlyShortages}
          onChange={(event) => {
            const onlyShortages = event.currentTarget.checked;
            setFilter((current) => ({ ...current, onlyShortages }));
          }}
          mb={8}
        />
      </Group>
      {levels.error ? (
        <ProblemAlert error={levels.error} />
      ) : !levels.data ? (
        <Loader role="status" size="sm" aria-label={t('levels.loading')} />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('page.count', { count: shown.length })}
          </Text>
          <StockLevelsTable levels={shown} itemNames={itemNames} showWarehouse caption={t('page.caption')} />
        </>
      )}
    </Stack>
  );
}
