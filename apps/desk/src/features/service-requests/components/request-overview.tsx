import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../format/use-formatters';
import { RecordLink } from './record-link';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** What was asked and who to ask: description, conditions, contact, and why the request stopped. */
export function RequestOverview({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation('serviceRequests');
  const format = useFormatters();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('detail.overview')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{request.description}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
          <Fact label={t('fields.conditions')}>
            {request.conditionCodes.length === 0 ? (
              t('detail.none')
            ) : (
              <Group gap={6} component="span">
                {request.conditionCodes.map((code) => (
                  <RecordLink key={code} plural="conditions" code={code} />
                ))}
              </Group>
            )}
          </Fact>
          <Fact label={t('detail.contact')}>
            {request.contact
              ? [request.contact.name, request.contact.phone, request.contact.email]
                  .filter(Boolean)
                  .join(' · ')
              : t('detail.none')}
          </Fact>
          <Fact label={t('fields.externalReference')}>{request.externalReference ?? t('detail.none')}</Fact>
          <Fact label={t('fields.source')}>{t(`source.${request.source}`)}</Fact>
          <Fact label={t('detail.openedAt')}>{format.dateTime(request.openedAt)}</Fact>
          <Fact label={t('detail.acceptedAt')}>
            {request.acceptedAt ? format.dateTime(request.acceptedAt) : t('detail.none')}
          </Fact>
          <Fact label={t('columns.zone')}>{request.zoneCode ?? t('detail.none')}</Fact>
          <Fact label={t('detail.unit')}>{request.unitCode ?? t('detail.none')}</Fact>
          {request.reopenedCount > 0 && (
            <Fact label={t('detail.reopenedCount')}>{format.number(request.reopenedCount)}</Fact>
          )}
        </SimpleGrid>
        {request.suspension && (
          <Alert color="yellow" title={t('detail.suspension')}>
            {request.suspension.reason}
            {request.suspension.until &&
              ` — ${t('detail.suspendedUntil', { until: format.dateTime(request.suspension.until) })}`}
          </Alert>
        )}
        {request.cancellationReason && (
          <Alert color="gray" title={t('detail.cancellation')}>
            {request.cancellationReason}
          </Alert>
        )}
        {request.rejectionDiagnosis && (
          <Alert color="gray" title={t('detail.rejection')}>
            {request.rejectionDiagnosis}
          </Alert>
        )}
        {request.remoteResolution && (
          <Alert color="green" title={t('detail.remoteResolution')}>
            {request.remoteResolution}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
