import { SLA_AT_RISK_LIMIT, type SlaAtRiskEntry } from '@fieldstream/api-contract';
import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PriorityBadge } from '../../service-requests/components/priority-badge';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useSlaFormatters } from '../format/use-sla-formatters';
import { Countdown } from './countdown';
import { StandingBadge } from './standing-badge';
import { ScrollTable } from './scroll-table';

const requestPath = (id: string) => `/app/requests/${encodeURIComponent(id)}`;

const named = (code: string, name: string) => (name && name !== code ? `${name} (${code})` : code);

/**
 * The requests at risk or past a deadline, the least time left first (the most overdue on top),
 * each with a countdown on the screen's clock and a link to the request.
 */
export function AtRiskList({ entries }: { entries: readonly SlaAtRiskEntry[] }) {
  const { t } = useTranslation('serviceLevels');
  const format = useFormatters();
  const sla = useSlaFormatters();
  // The API sends them in this order; sorting again keeps the promise whatever it sends.
  const sorted = useMemo(
    () => [...entries].sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline)),
    [entries],
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sla-at-risk-title">
      <Title order={2} fz="h4" mb="sm" id="sla-at-risk-title">
        {t('atRisk.title')}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" data-testid="sla-at-risk-empty">
          {t('atRisk.empty')}
        </Text>
      ) : (
        <ScrollTable minWidth={1000} label={t('atRisk.caption')}>
          <Table striped highlightOnHover data-testid="sla-at-risk">
            <Table.Caption>{t('atRisk.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('atRisk.columns.timeLeft')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.request')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.standing')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.priority')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.clock')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.deadline')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.alarm')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.customer')}</Table.Th>
                <Table.Th scope="col">{t('atRisk.columns.zone')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((entry) => (
                <Table.Tr
                  key={entry.requestId}
                  data-request-id={entry.requestId}
                  data-standing={entry.standing}
                >
                  <Table.Td>
                    <Countdown deadline={entry.deadline} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={requestPath(entry.requestId)} size="sm" fw={600}>
                      {entry.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ minWidth: '7rem' }}>
                    <StandingBadge standing={entry.standing} />
                  </Table.Td>
                  <Table.Td style={{ minWidth: '6.5rem' }}>
                    <PriorityBadge priority={entry.priority} />
                  </Table.Td>
                  <Table.Td>{t(`clock.${entry.clock}`)}</Table.Td>
                  <Table.Td>
                    <time dateTime={entry.deadline}>{format.dateTime(entry.deadline)}</time>
                  </Table.Td>
                  <Table.Td>
                    {entry.reachedPercent === null ? '—' : sla.percent(entry.reachedPercent)}
                  </Table.Td>
                  <Table.Td>
                    {named(entry.customerCode, entry.customerName)} · {named(entry.siteCode, entry.siteName)}
                  </Table.Td>
                  <Table.Td>{entry.zoneCode ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {sorted.length >= SLA_AT_RISK_LIMIT && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('atRisk.limit', { count: SLA_AT_RISK_LIMIT })}
        </Text>
      )}
    </Paper>
  );
}
