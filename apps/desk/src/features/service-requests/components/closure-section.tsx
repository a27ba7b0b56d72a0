import type { ClosureView } from '@fieldstream/api-contract';
import { List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../format/use-formatters';

/** The work as closed: the estimate beside what it took, materials, what was done, the outcome. */
export function ClosureSection({ closure }: { closure: ClosureView }) {
  const { t } = useTranslation('serviceRequests');
  const format = useFormatters();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('detail.closure', { at: format.dateTime(closure.at) })}
        </Title>
        <Table data-testid="closure-figures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" />
              <Table.Th scope="col">{t('closure.estimate')}</Table.Th>
              <Table.Th scope="col">{t('closure.actual')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('closure.labourMinutes')}</Table.Th>
              <Table.Td>{format.number(closure.estimate.labourMinutes)}</Table.Td>
              <Table.Td>{format.number(closure.labourMinutes)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('closure.technicians')}</Table.Th>
              <Table.Td>{closure.estimate.technicianCodes.join(', ')}</Table.Td>
              <Table.Td>—</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('closure.travelMinutes')}</Table.Th>
              <Table.Td>—</Table.Td>
              <Table.Td>{format.number(closure.travelMinutes)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('closure.travelKm')}</Table.Th>
              <Table.Td>—</Table.Td>
              <Table.Td>{format.number(closure.travelKm)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="sm" fw={600}>
              {t('closure.materials')}
            </Text>
            {closure.materials.length === 0 ? (
              <Text size="sm">{t('detail.none')}</Text>
            ) : (
              <List size="sm">
                {closure.materials.map((line, index) => (
                  <List.Item key={`${line.itemCode}-${index}`}>
                    {t('closure.material', {
                      quantity: format.number(line.quantity),
                      item: line.itemCode,
                      warehouse: line.warehouseCode,
                    })}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <div>
            <Text size="sm" fw={600}>
              {t('closure.correctiveActions')}
            </Text>
            {closure.correctiveActions.length === 0 ? (
              <Text size="sm">{t('detail.none')}</Text>
            ) : (
              <List size="sm">
                {closure.correctiveActions.map((action, index) => (
                  <List.Item key={index}>{action}</List.Item>
                ))}
              </List>
            )}
          </div>
        </SimpleGrid>
        <div>
          <Text size="sm" fw={600}>
            {t('closure.resolution')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {closure.resolution}
          </Text>
        </div>
      </Stack>
    </Paper>
  );
}
