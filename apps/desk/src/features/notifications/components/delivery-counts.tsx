import { DELIVERY_STATUSES, type DeliveryLogPage } from '@fieldstream/api-contract';
import { Box, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { DELIVERY_STATUS_COLOURS } from '../format/delivery-status-colours';

/** The deliveries counted by status: three figures, each named in words beside its colour. */
export function DeliveryCounts({ counts }: { counts: DeliveryLogPage['counts'] }) {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  return (
    <Box component="section" aria-label={t('deliveries.counts')} data-testid="delivery-counts">
      <SimpleGrid cols={{ base: 3 }} spacing="sm" component="dl" m={0} maw={640}>
        {DELIVERY_STATUSES.map((status) => (
          <Paper
            key={status}
            withBorder
            radius="md"
            p="sm"
            data-status={status}
            style={{ borderLeft: `6px solid ${DELIVERY_STATUS_COLOURS[status]}` }}
          >
            <Text component="dt" size="sm" fw={600}>
              {t(`deliveries.countLabels.${status}`)}
            </Text>
            <Text
              component="dd"
              m={0}
              fz={28}
              fw={700}
              lh={1.2}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {format.number(counts[status])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Box>
  );
}
