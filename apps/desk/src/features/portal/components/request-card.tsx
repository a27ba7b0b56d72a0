import type { PortalRequestSummary } from '@fieldstream/api-contract';
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoment } from '../format/format-window';
import { NextVisitLine } from './next-visit-line';
import { StageBadge } from './stage-badge';

export const portalRequestPath = (id: string) => `/app/portal/requests/${encodeURIComponent(id)}`;

/** One request in the customer's list: where it stands, what it is about, and the next visit. */
export function RequestCard({ request }: { request: PortalRequestSummary }) {
  const { t, i18n } = useTranslation('portal');
  const machine = request.assetName ?? request.assetCode;
  const finished =
    request.closedAt ?? (['cancelled', 'declined'].includes(request.stage) ? request.updatedAt : undefined);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      data-request={request.id}
      data-stage={request.stage}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={portalRequestPath(request.id)} fw={700} size="lg">
            {request.reference}
          </Anchor>
          <StageBadge stage={request.stage} />
        </Group>
        <Text lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {request.description}
        </Text>
        {machine && <Text size="sm">{t('common.equipment', { name: machine })}</Text>}
        <Text size="sm">{t('common.site', { name: request.siteName ?? request.siteCode })}</Text>
        {request.nextVisit && <NextVisitLine visit={request.nextVisit} />}
        <Text size="sm" c="dimmed">
          {finished
            ? t('card.finished', { date: formatMoment(finished, i18n.language) })
            : t('card.opened', { date: formatMoment(request.openedAt, i18n.language) })}
        </Text>
      </Stack>
    </Card>
  );
}
