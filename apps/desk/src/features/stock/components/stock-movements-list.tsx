import { Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useStockMovements } from '../hooks/use-stock-movements';

/** The latest movements of a warehouse, newest first: what, how much, why, who and when. */
export function StockMovementsList({
  warehouseCode,
  itemNames,
}: {
  warehouseCode: string;
  itemNames: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('stock');
  const movements = useStockMovements(warehouseCode);
  if (movements.error) return <ProblemAlert error={movements.error} />;
  if (!movements.data) return <Loader role="status" size="sm" aria-label={t('movements.loading')} />;
  if (movements.data.length === 0) return <Text size="sm">{t('movements.empty')}</Text>;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3, signDisplay: 'auto' });
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="stock-movements">
        <Table.Caption>{t('movements.caption', { warehouse: warehouseCode })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('movements.when')}</Table.Th>
            <Table.Th scope="col">{t('movements.type')}</Table.Th>
            <Table.Th scope="col">{t('movements.item')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('movements.quantity')}
            </Table.Th>
            <Table.Th scope="col">{t('movements.reason')}</Table.Th>
            <Table.Th scope="col">{t('movements.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movements.data.map((movement, index) => (
            <Table.Tr key={`${movement.at}-${index}`}>
              <Table.Td>
                <time dateTime={movement.at}>{when.format(new Date(movement.at))}</time>
              </Table.Td>
              <Table.Td>{t(`eventTypes.${movement.type}`, { defaultValue: movement.type })}</Table.Td>
              <Table.Td>
                {movement.itemCode}
                {itemNames.get(movement.itemCode) ? ` · ${itemNames.get(movement.itemCode)}` : ''}
              </Table.Td>
              <Table.Td ta="right">{number.format(movement.quantity)}</Table.Td>
              <Table.Td>
                {movement.reason}
                {movement.reference ? ` (${movement.reference})` : ''}
              </Table.Td>
              <Table.Td>{movement.actorName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
