import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordOption } from '../../../shared/types/record-option';
import type { MaterialDraft } from '../types/close-draft';

/** One line of materials used: which item, how many, and from which van or warehouse. */
export function MaterialRow({
  index,
  row,
  warehouseCode,
  items,
  warehouses,
  errorOf,
  onChange,
  onRemove,
}: {
  index: number;
  row: MaterialDraft;
  /** The row's source, or the default (the technician's van) while none is chosen. */
  warehouseCode: string;
  items: readonly RecordOption[];
  warehouses: readonly RecordOption[];
  errorOf: (path: string) => string | undefined;
  onChange: (row: MaterialDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('technician');
  const path = `materials.${index}`;
  const number = index + 1;
  return (
    <Paper withBorder radius="sm" p="sm" role="group" aria-label={t('close.materialRow', { number })}>
      <Stack gap="xs">
        <Text fw={600}>{t('close.materialRow', { number })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('close.item')}
            required
            size="md"
            searchable
            data={[...items]}
            value={row.itemCode || null}
            onChange={(next) => onChange({ ...row, itemCode: next ?? '' })}
            allowDeselect={false}
            nothingFoundMessage={t('close.nothingFound')}
            error={errorOf(`${path}.itemCode`)}
          />
          <TextInput
            label={t('close.quantity')}
            required
            size="md"
            inputMode="decimal"
            value={row.quantity}
            onChange={(event) => onChange({ ...row, quantity: event.currentTarget.value })}
            error={errorOf(`${path}.quantity`)}
          />
          <Select
            label={t('close.warehouse')}
            required
            size="md"
            data={[...warehouses]}
            value={warehouseCode || null}
            onChange={(next) => onChange({ ...row, warehouseCode: next ?? '' })}
            allowDeselect={false}
            error={errorOf(`${path}.warehouseCode`)}
          />
        </SimpleGrid>
        <Button
          variant="subtle"
          color="red.9"
          size="md"
          mih={44}
          onClick={onRemove}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('close.removeMaterial', { number })}
        </Button>
      </Stack>
    </Paper>
  );
}
