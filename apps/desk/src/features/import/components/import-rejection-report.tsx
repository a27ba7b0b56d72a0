import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../types/import-status';

/** All-or-nothing: one bad row rejects the file, and every bad row is listed by line and field. */
export function ImportRejectionReport({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('import');
  const failed = status.status === 'failed';
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={failed ? t('result.failedTitle') : t('result.rejectedTitle', { count: status.errors.length })}
    >
      <Text size="sm" mb="sm" fw={600}>
        {t('result.nothingWritten')}
      </Text>
      {status.errors.length > 0 && (
        <Table.ScrollContainer minWidth={480} maxHeight={420}>
          <Table striped withTableBorder stickyHeader>
            <Table.Caption>{t('report.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('report.line')}</Table.Th>
                <Table.Th scope="col">{t('report.field')}</Table.Th>
                <Table.Th scope="col">{t('report.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.errors.map((error, index) => (
                <Table.Tr key={`${error.row}-${error.field}-${index}`}>
                  <Table.Td>{error.row}</Table.Td>
                  <Table.Td>
                    <code>{error.field || '—'}</code>
                  </Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Alert>
  );
}
