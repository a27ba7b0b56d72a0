import type { SlaDashboard } from '@fieldstream/api-contract';
import { Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { type CSSProperties, lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { trendRows } from '../dashboard/trend-rows';
import { useSlaFormatters } from '../format/use-sla-formatters';

/** Out of sight, still read by screen readers (a block box, unlike Mantine's span). */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

// recharts is large and only this chart needs it: its own chunk, fetched when there is a chart to draw.
const SlaTrendChart = lazy(async () => ({ default: (await import('./sla-trend-chart')).SlaTrendChart }));

/**
 * Breaches and penalties per day over the period: a chart for the eye, and for everyone the same
 * in words (a summary) and in a table (read by screen readers, hidden from view).
 */
export function SlaTrend({ dashboard }: { dashboard: SlaDashboard }) {
  const { t } = useTranslation('serviceLevels');
  const format = useFormatters();
  const sla = useSlaFormatters();
  const { rows, currencies } = useMemo(() => trendRows(dashboard.series), [dashboard.series]);
  const from = sla.day(dashboard.period.from);
  const to = sla.day(dashboard.period.to);
  const penalties = dashboard.penaltiesInPeriod.filter((money) => money.amount > 0);
  const summary = t('trend.summary', {
    breaches: t('trend.breachCount', { count: dashboard.breachesInPeriod }),
    penalties:
      penalties.length === 0
        ? t('trend.penaltiesNone')
        : t('trend.penaltiesTotal', {
            amount: penalties.map((money) => sla.money(money.amount, money.currency)).join(' + '),
          }),
    from,
    to,
  });
  const empty = dashboard.breachesInPeriod === 0 && penalties.length === 0;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sla-trend-title">
      <Title order={2} fz="h4" mb={4} id="sla-trend-title">
        {t('trend.title')}
      </Title>
      <Text size="sm" mb="sm" data-testid="sla-trend-summary">
        {summary}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('trend.empty')}
        </Text>
      ) : (
        <>
          <Suspense
            fallback={
              <Group gap="xs" h={280}>
                <Loader size="xs" aria-hidden />
                <Text size="sm">{t('trend.loading')}</Text>
              </Group>
            }
          >
            <SlaTrendChart
              rows={rows}
              currencies={currencies}
              dayLabel={sla.day}
              breachesLabel={t('trend.breaches')}
              penaltiesLabel={(currency) => t('trend.penalties', { currency })}
              penaltiesAxisLabel={t('trend.penaltiesAxis')}
              money={sla.money}
            />
          </Suspense>
          <div style={visuallyHidden}>
            <Table data-testid="sla-trend-table">
              <Table.Caption>{t('trend.tableCaption', { from, to })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('trend.day')}</Table.Th>
                  <Table.Th scope="col">{t('trend.breaches')}</Table.Th>
                  {currencies.map((currency) => (
                    <Table.Th scope="col" key={currency}>
                      {t('trend.penalties', { currency })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.day}>
                    <Table.Th scope="row">
                      <time dateTime={row.day}>{sla.day(row.day)}</time>
                    </Table.Th>
                    <Table.Td>{format.number(row.breaches)}</Table.Td>
                    {currencies.map((currency) => (
                      <Table.Td key={currency}>{sla.money(row.penalties[currency] ?? 0, currency)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Paper>
  );
}
