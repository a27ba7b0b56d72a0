import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../types/import-status';

/** A successful run: what was (or, for a validation only, would be) written. */
export function ImportCounts({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('import');
  const validatedOnly = status.status === 'validated';
  return (
    <Alert color="green" variant="light" role="status" data-testid="import-counts">
      {/* Not Alert's title: Mantine's green text, even its darkest shade, is below 4.5:1 on the light green. */}
      <Text fw={700} size="sm" mb={4}>
        {validatedOnly ? t('result.validatedTitle') : t('result.committedTitle')}
      </Text>
      <Group gap="lg">
        <Text size="sm">{t('result.total', { count: status.total })}</Text>
        <Text size="sm">{t('result.created', { count: status.created })}</Text>
        <Text size="sm">{t('result.changed', { count: status.changed })}</Text>
        <Text size="sm">{t('result.unchanged', { count: status.unchanged })}</Text>
      </Group>
      {validatedOnly && (
        <Text size="sm" mt="xs">
          {t('result.nothingWrittenYet')}
        </Text>
      )}
    </Alert>
  );
}
