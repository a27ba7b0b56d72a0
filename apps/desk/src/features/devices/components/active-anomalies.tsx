import type { DeviceDiagnosis } from '@fieldstream/api-contract';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITY_COLOURS } from '../../notifications/format/severity-colours';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useDeviceFormatters } from '../format/use-device-formatters';
import { DeviceSeverityBadge } from './device-severity-badge';

type Anomaly = DeviceDiagnosis['activeAnomalies'][number];

const edgeOf = (severity: string) => SEVERITY_COLOURS[severity as keyof typeof SEVERITY_COLOURS] ?? '#4a5563';

function AnomalyItem({ anomaly }: { anomaly: Anomaly }) {
  const { t } = useTranslation('devices');
  const format = useFormatters();
  const device = useDeviceFormatters();
  const repeats =
    anomaly.repeats === 0
      ? t('anomalies.noRepeats')
      : anomaly.repeats === 1
        ? t('anomalies.repeatedOnce')
        : t('anomalies.repeated', { times: device.count(anomaly.repeats) });
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      px="sm"
      py={6}
      data-code={anomaly.code}
      style={{ borderLeft: `5px solid ${edgeOf(anomaly.severity)}` }}
    >
      <Group gap="xs" wrap="wrap">
        <Text component="span" fw={700} ff="monospace" size="sm">
          {anomaly.code}
        </Text>
        <DeviceSeverityBadge severity={anomaly.severity} />
        {anomaly.message && (
          <Text component="span" size="sm">
            {anomaly.message}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed" data-testid="device-anomaly-when">
        <time dateTime={anomaly.since}>{t('anomalies.since', { at: format.dateTime(anomaly.since) })}</time>
        {' · '}
        {repeats}
        {anomaly.repeats > 0 && anomaly.lastAt !== anomaly.since && (
          <>
            {', '}
            <time dateTime={anomaly.lastAt}>
              {t('anomalies.lastAt', { at: format.dateTime(anomaly.lastAt) })}
            </time>
          </>
        )}
      </Text>
    </Paper>
  );
}

/** The codes the device raises now and has not cleared: how serious, since when, how often. */
export function ActiveAnomalies({ anomalies }: { anomalies: Anomaly[] }) {
  const { t } = useTranslation('devices');
  const titleId = useId();
  return (
    <Stack gap={6} component="section" aria-labelledby={titleId}>
      <Title order={3} fz="sm" id={titleId}>
        {t('anomalies.title')}
      </Title>
      {anomalies.length === 0 ? (
        <Text size="sm">{t('anomalies.none')}</Text>
      ) : (
        <Stack
          component="ul"
          gap={6}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby={titleId}
          data-testid="device-anomalies"
        >
          {anomalies.map((anomaly) => (
            <AnomalyItem key={anomaly.code} anomaly={anomaly} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
