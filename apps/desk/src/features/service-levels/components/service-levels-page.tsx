import { Grid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useSlaDashboard } from '../hooks/use-sla-dashboard';
import { useSlaDashboardFilters } from '../hooks/use-sla-dashboard-filters';
import { AtRiskList } from './at-risk-list';
import { SlaFilterBar } from './sla-filter-bar';
import { SlaTrend } from './sla-trend';
import { StandingGroups } from './standing-groups';
import { StandingTiles } from './standing-tiles';

/**
 * `/app/service-levels`: the manager's view of the SLA clocks. How many open requests are on track,
 * at risk, breached or paused, where (centre, zone, priority), which ones need someone now (the
 * least time left first, counting down), and the breaches and penalties of the period. Filters live
 * in the URL; the live notices of service levels and requests refresh it without a reload.
 */
export function ServiceLevelsPage() {
  const { t } = useTranslation('serviceLevels');
  useDocumentTitle(`${t('title')} · Fieldstream`);
  const format = useFormatters();
  const { filters, update } = useSlaDashboardFilters();
  const dashboard = useSlaDashboard(filters);
  const data = dashboard.data;
  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        {t('title')}
      </Title>
      <SlaFilterBar filters={filters} period={data?.period} onChange={update} />
      <Text size="sm" c="dimmed" data-testid="sla-as-of">
        {data ? t('asOf', { time: format.dateTime(data.generatedAt) }) : dashboard.error ? '' : t('loading')}
      </Text>
      {dashboard.error && <ProblemAlert error={dashboard.error} />}
      {data && (
        <>
          <StandingTiles totals={data.totals} />
          <AtRiskList entries={data.atRisk} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <StandingGroups dashboard={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <SlaTrend dashboard={data} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
