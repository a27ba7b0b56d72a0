import type { AssignmentView } from '@fieldstream/api-contract';
import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../format/use-formatters';
import { RecordLink } from './record-link';

/** Who goes, when, and who is already there. */
export function AssignmentsSection({ assignments }: { assignments: readonly AssignmentView[] }) {
  const { t } = useTranslation('serviceRequests');
  const format = useFormatters();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="xs">
        {t('detail.assignments')}
      </Title>
      {assignments.length === 0 ? (
        <Text size="sm">{t('detail.noAssignments')}</Text>
      ) : (
        <Table data-testid="assignments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.technician')}</Table.Th>
              <Table.Th scope="col">{t('detail.when')}</Table.Th>
              <Table.Th scope="col">{t('fields.durationMinutes')}</Table.Th>
              <Table.Th scope="col">{t('detail.onSiteSince')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.map((assignment) => (
              <Table.Tr key={assignment.technicianCode}>
                <Table.Td>
                  <RecordLink
                    plural="technicians"
                    code={assignment.technicianCode}
                    name={assignment.technicianName}
                  />
                </Table.Td>
                <Table.Td>{format.range(assignment.start, assignment.end)}</Table.Td>
                <Table.Td>{format.number(assignment.durationMinutes)}</Table.Td>
                <Table.Td>{assignment.startedAt ? format.dateTime(assignment.startedAt) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
