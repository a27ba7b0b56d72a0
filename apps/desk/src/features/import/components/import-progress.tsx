import { Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../types/import-status';

/** done/total of the phase under way; `total` is 0 until the file has been counted. */
export function ImportProgress({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('import');
  const labelId = useId();
  const percent = status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  const phase = t(`phase.${status.status}`);
  const label = t('progress.label', { phase, done: status.done, total: status.total });
  return (
    <Stack gap={4}>
      <Text size="sm" id={labelId}>
        {label}
      </Text>
      <Progress.Root size="lg">
        <Progress.Section value={percent} animated={status.total === 0} aria-labelledby={labelId} />
      </Progress.Root>
    </Stack>
  );
}
