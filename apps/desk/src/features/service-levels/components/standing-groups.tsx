import { OPEN_SLA_STANDINGS, type SlaDashboard, type SlaStandingCounts } from '@fieldstream/api-contract';
import { Paper, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { StandingBar } from './standing-bar';
import { ScrollTable } from './scroll-table';

type GroupKind = 'byUnit' | 'byZone' | 'byPriority';

const KINDS: readonly GroupKind[] = ['byUnit', 'byZone', 'byPriority'];
const HEADING: Record<GroupKind, string> = { byUnit: 'unit', byZone: 'zone', byPriority: 'priority' };

const totalOf = (counts: SlaStandingCounts) =>
  OPEN_SLA_STANDINGS.reduce((sum, standing) => sum + counts[standing], 0);

function GroupTable({
  kind,
  rows,
}: {
  kind: GroupKind;
  rows: readonly { code: string; name: string; counts: SlaStandingCounts }[];
}) {
  const { t } = useTranslation(['serviceLevels', 'serviceRequests']);
  const format = useFormatters();
  if (rows.length === 0)
    return (
      <Text size="sm" py="sm">
        {t('groups.empty')}
      </Text>
    );
  const nameOf = (row: { code: string; name: string }) =>
    kind === 'byPriority'
      ? t(`serviceRequests:priority.${row.code}`)
      : row.name && row.name !== row.code
        ? `${row.name} (${row.code})`
        : row.code;
  return (
    <ScrollTable minWidth={520} label={t('groups.caption', { group: t(`groups.${kind}`).toLowerCase() })}>
      <Table striped data-testid={`sla-${kind}`}>
        <Table.Caption>{t('groups.caption', { group: t(`groups.${kind}`).toLowerCase() })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`groups.${HEADING[kind]}`)}</Table.Th>
            {OPEN_SLA_STANDINGS.map((standing) => (
              <Table.Th scope="col" key={standing} ta="right">
                {t(`standing.${standing}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('groups.total')}
            </Table.Th>
            <Table.Th scope="col" w="25%">
              {t('groups.bar')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code} data-code={row.code}>
              <Table.Th scope="row" fw={500}>
                {nameOf(row)}
              </Table.Th>
              {OPEN_SLA_STANDINGS.map((standing) => (
                <Table.Td key={standing} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.number(row.counts[standing])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.number(totalOf(row.counts))}
              </Table.Td>
              <Table.Td>
                <StandingBar counts={row.counts} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The open requests by centre, zone and priority: a tab each, a row per group with its bar. */
export function StandingGroups({ dashboard }: { dashboard: SlaDashboard }) {
  const { t } = useTranslation('serviceLevels');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sla-groups-title">
      <Title order={2} fz="h4" mb="sm" id="sla-groups-title">
        {t('groups.title')}
      </Title>
      <Tabs defaultValue="byUnit" keepMounted={false}>
        <Tabs.List aria-label={t('groups.tabs')}>
          {KINDS.map((kind) => (
            <Tabs.Tab key={kind} value={kind}>
              {t(`groups.${kind}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {KINDS.map((kind) => (
          <Tabs.Panel key={kind} value={kind} pt="xs">
            <GroupTable kind={kind} rows={dashboard[kind]} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
