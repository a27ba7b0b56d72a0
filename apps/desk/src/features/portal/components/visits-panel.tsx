import type { PortalVisit } from '@fieldstream/api-contract';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatWindow } from '../format/format-window';

/** The planned visits, the next one first in words: when, who, and whether they are on their way. */
export function VisitsPanel({ visits }: { visits: readonly PortalVisit[] }) {
  const { t, i18n } = useTranslation('portal');
  const time = (instant: string) =>
    new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="portal-visits" bg="steel.0">
      <Title order={2} fz="h4" id="portal-visits" mb="xs">
        {visits.length > 1 ? t('request.visitsTitle') : t('request.visitTitle')}
      </Title>
      <Stack gap="sm">
        {visits.map((visit) => (
          <Stack gap={2} key={`${visit.start}-${visit.technicianFirstName ?? ''}`} data-testid="visit">
            <Text fw={700} size="lg">
              <time dateTime={visit.start}>{formatWindow(visit.start, visit.end, i18n.language)}</time>
            </Text>
            <Text>
              {t('request.who')}: <strong>{visit.technicianFirstName ?? t('common.technician')}</strong>
            </Text>
            {visit.arrivedAt ? (
              <Text>{t('request.arrived', { time: time(visit.arrivedAt) })}</Text>
            ) : visit.departedAt ? (
              <>
                <Text>{t('request.departed', { time: time(visit.departedAt) })}</Text>
                {visit.etaMinutes !== undefined && (
                  <Text fw={600}>{t('request.eta', { minutes: visit.etaMinutes })}</Text>
                )}
              </>
            ) : null}
          </Stack>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        {t('common.updated')}
      </Text>
    </Paper>
  );
}
