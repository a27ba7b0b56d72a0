import type { StockLevel } from '@fieldstream/api-contract';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isShortage } from '../levels/filter-levels';

/**
 * Quantities per item; a row with nothing available is marked in words as well as colour, so it
 * stands out to everyone, including screen-reader users.
 */
export function StockLevelsTable({
  levels,
  itemNames,
  showWarehouse = false,
  caption,
}: {
  levels: readonly StockLevel[];
  itemNames: ReadonlyMap<string, string>;
  showWarehouse?: boolean;
  caption: string;
}) {
  const { t, i18n } = useTranslation('stock');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  if (levels.length === 0) return <Text size="sm">{t('levels.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover data-testid="stock-levels">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {showWarehouse && <Table.Th scope="col">{t('levels.warehouse')}</Table.Th>}
            <Table.Th scope="col">{t('levels.item')}</Table.Th>
            <Table.Th scope="col">{t('levels.name')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('levels.onHand')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('levels.reserved')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('levels.available')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((level) => {
            const shortage = isShortage(level);
            return (
              <Table.Tr
                key={level._id}
                data-item={level.itemCode}
                data-shortage={shortage || undefined}
                bg={shortage ? 'var(--mantine-color-red-light)' : undefined}
              >
                {showWarehouse && (
                  <Table.Td>
                    <Link to={`/app/md/warehouses/${encodeURIComponent(level.warehouseCode)}`}>
                      {level.warehouseCode}
                    </Link>
                  </Table.Td>
                )}
                <Table.Td>{level.itemCode}</Table.Td>
                <Table.Td>{itemNames.get(level.itemCode) ?? ''}</Table.Td>
                <Table.Td ta="right">{number.format(level.onHand)}</Table.Td>
                <Table.Td ta="right">{number.format(level.reserved)}</Table.Td>
                <Table.Td ta="right" data-testid="available">
                  {shortage ? (
                    <Badge color="red.9" variant="filled">
                      {t('levels.noneAvailable', { available: number.format(level.available) })}
                    </Badge>
                  ) : (
                    number.format(level.available)
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
