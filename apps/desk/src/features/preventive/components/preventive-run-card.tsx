import type { PreventiveRun } from '@fieldstream/api-contract';
import { Alert, Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../service-levels/components/scroll-table';
import { referenceOf } from '../../service-requests/format/reference-of';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useDayFormat } from '../format/use-day-format';

const requestPath = (id: string) => `/app/requests/${encodeURIComponent(id)}`;
const recordPath = (plural: string, code: string) => `/app/md/${plural}/${encodeURIComponent(code)}`;

/**
 * One run's report: when, how much it looked at, the visits it opened (each with its request, and
 * where a closed day moved it from and why), then what needs someone — visits it could not place
 * and problems — standing out in red.
 */
export function PreventiveRunCard({ run }: { run: PreventiveRun }) {
  const { t } = useTranslation('preventive');
  const format = useFormatters();
  const day = useDayFormat();
  const headingId = useId();
  const attention = run.unplaceable.length > 0 || run.problems.length > 0;
  const codeLink = (plural: string, code: string) => (
    <Anchor component={Link} to={recordPath(plural, code)} size="sm">
      {code}
    </Anchor>
  );
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      aria-labelledby={headingId}
      data-run-at={run.at}
      data-attention={attention || undefined}
      style={
        attention
          ? {
              boxShadow: 'inset 6px 0 0 var(--mantine-color-red-9)',
              paddingLeft: 'calc(var(--mantine-spacing-md) + 6px)',
            }
          : undefined
      }
    >
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Title order={2} fz="h4" id={headingId}>
            <Trans
              t={t}
              i18nKey="run.heading"
              values={{ time: format.dateTime(run.at) }}
              components={{ time: <time dateTime={run.at} /> }}
            />
          </Title>
          <Group gap={6}>
            <Badge color={run.opened.length > 0 ? 'green.9' : 'gray'} variant="light">
              {t('run.openedCount', { count: run.opened.length })}
            </Badge>
            {run.unplaceable.length > 0 && (
              <Badge color="red.9" variant="filled">
                {t('run.unplaceableCount', { count: run.unplaceable.length })}
              </Badge>
            )}
            {run.problems.length > 0 && (
              <Badge color="red.9" variant="filled">
                {t('run.problemsCount', { count: run.problems.length })}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('run.lookedAt', {
            plans: t('run.plans', { count: run.plans }),
            assets: t('run.assets', { count: run.assets }),
          })}
          {run.alreadyOpen > 0 && ` · ${t('run.alreadyOpen', { count: run.alreadyOpen })}`}
        </Text>

        {run.unplaceable.length > 0 && (
          <Alert
            color="red"
            variant="light"
            role="note"
            title={t('unplaceable.title', { count: run.unplaceable.length })}
          >
            <Text size="sm" mb={4}>
              {t('unplaceable.explain')}
            </Text>
            <List size="sm" spacing={4}>
              {run.unplaceable.map((visit) => (
                <List.Item key={`${visit.planCode}:${visit.assetCode}:${visit.occurrence}`}>
                  {t('unplaceable.visit', {
                    asset: visit.assetCode,
                    plan: visit.planCode,
                    day: day(visit.occurrence),
                  })}
                  {visit.movedBecause && ` — ${visit.movedBecause}`}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}

        {run.problems.length > 0 && (
          <Alert
            color="red"
            variant="light"
            role="note"
            title={t('problems.title', { count: run.problems.length })}
          >
            <List size="sm" spacing={4}>
              {run.problems.map((problem, index) => (
                <List.Item key={index} style={{ overflowWrap: 'anywhere' }}>
                  {problem}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}

        {run.opened.length > 0 && (
          <ScrollTable minWidth={760} label={t('opened.caption', { time: format.dateTime(run.at) })}>
            <Table verticalSpacing="xs" data-testid="opened-visits">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('opened.caption', { time: format.dateTime(run.at) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('opened.columns.request')}</Table.Th>
                  <Table.Th scope="col">{t('opened.columns.asset')}</Table.Th>
                  <Table.Th scope="col">{t('opened.columns.plan')}</Table.Th>
                  <Table.Th scope="col">{t('opened.columns.due')}</Table.Th>
                  <Table.Th scope="col">{t('opened.columns.moved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {run.opened.map((visit) => {
                  const moved = visit.dueOn !== visit.occurrence || visit.movedBecause !== undefined;
                  return (
                    <Table.Tr key={visit.requestId} data-request-id={visit.requestId}>
                      <Table.Td>
                        <Anchor component={Link} to={requestPath(visit.requestId)} size="sm" fw={600}>
                          {referenceOf(visit.requestId)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{codeLink('assets', visit.assetCode)}</Table.Td>
                      <Table.Td>{codeLink('maintenance-plans', visit.planCode)}</Table.Td>
                      <Table.Td>
                        <time dateTime={visit.dueOn}>{day(visit.dueOn)}</time>
                      </Table.Td>
                      <Table.Td style={{ minWidth: '14rem' }}>
                        {moved ? (
                          <Text size="sm">
                            {t('opened.movedFrom', { day: day(visit.occurrence) })}
                            {visit.movedBecause && (
                              <>
                                {': '}
                                <Text span fw={500} size="sm">
                                  {visit.movedBecause}
                                </Text>
                              </>
                            )}
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('opened.onItsDay')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Paper>
  );
}
