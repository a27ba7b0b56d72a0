import { OPEN_SLA_STANDINGS, type SlaStandingCounts } from '@fieldstream/api-contract';
import { Box, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { STANDING_COLOURS } from '../format/standing-colours';

/** The open requests counted by standing: four figures, each named in words beside its colour. */
export function StandingTiles({ totals }: { totals: SlaStandingCounts }) {
  const { t } = useTranslation('serviceLevels');
  const format = useFormatters();
  return (
    <Box component="section" aria-label={t('totals.label')} data-testid="sla-totals">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
        {OPEN_SLA_STANDINGS.map((standing) => (
          <Paper
            key={standing}
            withBorder
            radius="md"
            p="sm"
            data-standing={standing}
            style={{ borderLeft: `6px solid ${STANDING_COLOURS[standing]}` }}
          >
            <Text component="dt" size="sm" fw={600}>
              {t(`standing.${standing}`)}
            </Text>
            <Text
              component="dd"
              m={0}
              fz={28}
              fw={700}
              lh={1.2}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {format.number(totals[standing])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Box>
  );
}
