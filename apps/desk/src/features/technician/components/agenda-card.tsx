import type { AgendaEntry } from '@fieldstream/api-contract';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatTimeWindow } from '../agenda/format-time-window';
import { PriorityBadge } from './priority-badge';
import { RequestStatusBadge } from './request-status-badge';
import { SiteAddress } from './site-address';

/**
 * One appointment. The heading is the link to the sheet (for the keyboard and screen readers);
 * a tap anywhere else on the card that is not itself a link opens the sheet too.
 */
export function AgendaCard({
  entry,
  timeZone,
  to,
}: {
  entry: AgendaEntry;
  timeZone: string;
  /** The sheet's address. */
  to: string;
}) {
  const { t, i18n } = useTranslation('technician');
  const navigate = useNavigate();
  const request = entry.request;
  const suspended = entry.status === 'suspended';
  const timeWindow = formatTimeWindow(entry.start, entry.end, { language: i18n.language, timeZone });
  const customer = request ? (request.customerName ?? request.customerCode) : '';
  const openOnTap = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    void navigate(to);
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      onClick={openOnTap}
      style={{
        cursor: 'pointer',
        ...(suspended
          ? { borderStyle: 'dashed', borderWidth: 2, background: 'var(--mantine-color-gray-1)' }
          : {}),
      }}
      data-testid="agenda-card"
      data-appointment={entry.appointmentId}
      data-status={entry.status}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} size="lg">
            <time dateTime={entry.start}>{timeWindow}</time>
          </Text>
          <Group gap={6} wrap="wrap">
            {request && <PriorityBadge priority={request.priority} />}
            {entry.status !== 'confirmed' && (
              // Filled and dark: Mantine's light variant paints a shaded colour (yellow.9) as text on
              // itself, too pale to read.
              <Badge color={suspended ? 'dark' : '#8a5a00'} variant="filled" size="lg">
                {t(`appointment.${entry.status}`)}
              </Badge>
            )}
          </Group>
        </Group>
        <Anchor
          component={Link}
          to={to}
          fw={600}
          size="lg"
          display="block"
          py={8}
          style={{ overflowWrap: 'anywhere' }}
        >
          {request
            ? t('agenda.cardTitle', { reference: request.reference, customer })
            : t('agenda.unknownRequest')}
        </Anchor>
        {suspended && <Text fw={600}>{t('agenda.suspendedNote')}</Text>}
        {request && (
          <>
            {request.siteName && <Text>{request.siteName}</Text>}
            <SiteAddress
              address={request.address}
              latitude={request.latitude}
              longitude={request.longitude}
            />
            {(request.assetName ?? request.assetCode) && (
              <Text size="sm">{t('agenda.asset', { asset: request.assetName ?? request.assetCode })}</Text>
            )}
            <Text lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
              {request.description}
            </Text>
            {request.crew.length > 0 && (
              <Text size="sm">{t('agenda.crew', { crew: request.crew.join(', ') })}</Text>
            )}
            <Group gap={6}>
              <RequestStatusBadge status={request.status} />
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
