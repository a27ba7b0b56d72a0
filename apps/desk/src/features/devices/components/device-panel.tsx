import type { DeviceDiagnosis } from '@fieldstream/api-contract';
import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { referenceOf } from '../../service-requests/format/reference-of';
import { useDeviceFormatters } from '../format/use-device-formatters';
import { useDeviceDiagnosis } from '../hooks/use-device-diagnosis';
import { ActiveAnomalies } from './active-anomalies';
import { DeviceFact } from './device-fact';
import { LastSeen } from './last-seen';
import { LastStatus } from './last-status';
import { PresenceBadge } from './presence-badge';
import { RecentSignals } from './recent-signals';

/** Statuses that mean "not for this reader" (or no such asset for them): no panel rather than an error. */
const HIDDEN_STATUSES = new Set([401, 403, 404]);

function DeviceFacts({ device, requestId }: { device: DeviceDiagnosis; requestId: string | undefined }) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  const followed = device.requestId;
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, xs: 2 }}
      spacing="xs"
      verticalSpacing="xs"
      m={0}
      aria-label={t('facts.label')}
      data-testid="device-facts"
    >
      <DeviceFact term={t('facts.lastSeen')}>
        {device.lastSeenAt ? <LastSeen at={device.lastSeenAt} /> : t('notSeen')}
      </DeviceFact>
      <DeviceFact term={t('facts.firmware')}>{device.firmware ?? t('firmwareUnknown')}</DeviceFact>
      <DeviceFact term={t('facts.heartbeat')}>
        {device.heartbeatMinutes
          ? t('heartbeatEvery', { every: format.duration(device.heartbeatMinutes * 60_000) })
          : t('notWatched')}
      </DeviceFact>
      {followed && (
        <DeviceFact term={t('facts.request')}>
          {followed === requestId ? (
            t('thisRequest')
          ) : (
            <Anchor component={Link} to={`/app/requests/${encodeURIComponent(followed)}`}>
              {referenceOf(followed)}
            </Anchor>
          )}
        </DeviceFact>
      )}
    </SimpleGrid>
  );
}

function DeviceBody({ device, requestId }: { device: DeviceDiagnosis; requestId: string | undefined }) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  if (!device.connected)
    return (
      <Stack gap={4} data-testid="device-never">
        <Text size="sm">{t('never')}</Text>
        {device.heartbeatMinutes !== null && (
          <Text size="sm">
            {t('neverWatched', { every: format.duration(device.heartbeatMinutes * 60_000) })}
          </Text>
        )}
      </Stack>
    );
  return (
    <Stack gap="md">
      {device.presence === 'unknown' && <Text size="sm">{t('notHeard')}</Text>}
      <DeviceFacts device={device} requestId={requestId} />
      <LastStatus status={device.status} />
      <ActiveAnomalies anomalies={device.activeAnomalies} />
      <RecentSignals signals={device.recent} />
    </Stack>
  );
}

/**
 * An asset's device, for a remote diagnosis: whether it is heard (and since when it is silent),
 * when it was last seen, its firmware, its last status and values, the anomalies it raises now and
 * what it said lately, following the `devices` live notices. On a request's page `requestId` says
 * which request is this one. A reader the API does not show the asset to sees no panel.
 */
export function DevicePanel({ assetCode, requestId }: { assetCode: string; requestId?: string }) {
  const { t } = useTranslation('devices');
  const titleId = useId();
  const { data, error } = useDeviceDiagnosis(assetCode);
  if (!data && error instanceof ApiProblemError && HIDDEN_STATUSES.has(error.status)) return null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={titleId}
      data-testid="device-panel"
    >
      <Group gap="sm" mb="sm">
        <Title order={2} fz="h4" id={titleId}>
          {t('title')}
        </Title>
        {data && <PresenceBadge device={data} />}
      </Group>
      {data ? (
        <DeviceBody device={data} requestId={requestId} />
      ) : error ? (
        <ProblemAlert error={error} />
      ) : (
        <Loader role="status" size="sm" aria-label={t('loading')} />
      )}
    </Paper>
  );
}
