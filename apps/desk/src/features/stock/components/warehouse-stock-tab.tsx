import { Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { useRecordNames } from '../hooks/use-record-names';
import { useStockLevels } from '../hooks/use-stock-levels';
import { movementTypesFor } from '../movement/movement-types-for';
import { RecordMovementForm } from './record-movement-form';
import { StockLevelsTable } from './stock-levels-table';
import { StockMovementsList } from './stock-movements-list';

/** The Stock tab of a warehouse or van: its levels, a form to move stock, its recent movements. */
export function WarehouseStockTab({
  warehouseCode,
  technicianCode,
}: {
  warehouseCode: string;
  /** A van's technician, who may use and count its parts. */
  technicianCode?: string | undefined;
}) {
  const { t } = useTranslation('stock');
  const { session } = useSession();
  const levels = useStockLevels(warehouseCode);
  const items = useRecordNames('items');
  const warehouses = useRecordNames('warehouses');
  const types = movementTypesFor(session?.user, technicianCode);
  const itemNames = new Map((items.data ?? []).map((item) => [item.code, item.name]));
  return (
    <Stack gap="lg">
      <section aria-labelledby="stock-levels-title">
        <Title order={2} fz="h4" id="stock-levels-title" mb="xs">
          {t('levels.title')}
        </Title>
        {levels.error ? (
          <ProblemAlert error={levels.error} />
        ) : levels.data ? (
          <StockLevelsTable
            levels={levels.data}
            itemNames={itemNames}
            caption={t('levels.caption', { warehouse: warehouseCode })}
          />
        ) : (
          <Loader role="status" size="sm" aria-label={t('levels.loading')} />
        )}
      </section>
      {types.length > 0 && (
        <RecordMovementForm
          warehouseCode={warehouseCode}
          types={types}
          items={items.data ?? []}
          warehouses={warehouses.data ?? []}
        />
      )}
      <section aria-labelledby="stock-movements-title">
        <Title order={2} fz="h4" id="stock-movements-title" mb="xs">
          {t('movements.title')}
        </Title>
        <StockMovementsList warehouseCode={warehouseCode} itemNames={itemNames} />
      </section>
    </Stack>
  );
}
