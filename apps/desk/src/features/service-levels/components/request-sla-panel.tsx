import type { RequestServiceLevel, SlaClockView } from '@fieldstream/api-contract';
import { Alert, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { RecordLink } from '../../service-requests/components/record-link';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useSuspensionReasons } from '../../service-requests/hooks/use-suspension-reasons';
import { useSlaFormatters } from '../format/use-sla-formatters';
import { useRequestServiceLevel } from '../hooks/use-request-service-level';
import { Countdown } from './countdown';
import { StandingBadge } from './standing-badge';
import { ScrollTable } from './scroll-table';

/** Where a clock is now: counting down, paused, or stopped with its outcome. */
function ClockState({ clock, paused }: { clock: SlaClockView; paused: boolean }) {
  const { t } = useTranslation('serviceLevels');
  const sla = useSlaFormatters();
  if (clock.stopped) {
    const { outcome, elapsedMinutes, lateMinutes } = clock.stopped;
    return (
      <Text
        size="sm"
        fw={outcome === 'breached' ? 700 : 500}
        c={outcome === 'breached' ? 'red.9' : undefined}
      >
        {outcome === 'met'
          ? t('panel.outcome.met', { elapsed: sla.minutes(elapsedMinutes) })
          : outcome === 'breached'
            ? t('panel.outcome.breached', { late: sla.minutes(lateMinutes) })
            : t('panel.outcome.cancelled')}
      </Text>
    );
  }
  if (paused || !clock.deadline)
    return (
      <Text size="sm" fw={500}>
        {t('panel.pausedClock')}
      </Text>
    );
  return <Countdown deadline={clock.deadline} />;
}

function ClocksTable({ level }: { level: RequestServiceLevel }) {
  const { t } = useTranslation('serviceLevels');
  const format = useFormatters();
  const sla = useSlaFormatters();
  const paused = level.pause !== null;
  return (
    <ScrollTable minWidth={440} label={t('panel.caption')}>
      <Table data-testid="sla-clocks">
        <Table.Caption>{t('panel.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('panel.columns.clock')}</Table.Th>
            <Table.Th scope="col">{t('panel.columns.target')}</Table.Th>
            <Table.Th scope="col">{t('panel.columns.deadline')}</Table.Th>
            <Table.Th scope="col">{t('panel.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('panel.columns.alarm')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {level.clocks.map((clock) => (
            <Table.Tr key={clock.clock} data-clock={clock.clock}>
              <Table.Th scope="row">{t(`clock.${clock.clock}`)}</Table.Th>
              <Table.Td>{sla.minutes(clock.targetMinutes)}</Table.Td>
              <Table.Td>
                {clock.deadline ? (
                  <time dateTime={clock.deadline}>{format.dateTime(clock.deadline)}</time>
                ) : (
                  <Text size="sm" c="dimmed" component="span">
                    {clock.stopped ? '—' : paused ? t('panel.deadlinePaused') : t('panel.deadlineNever')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ClockState clock={clock} paused={paused} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" component="span">
                  {clock.reachedPercent === null ? t('panel.noAlarm') : sla.percent(clock.reachedPercent)}
                </Text>
                {clock.nextAlarm && !clock.stopped && (
                  <Text size="xs" c="dimmed">
                    {t('panel.nextAlarm', {
                      percent: sla.percent(clock.nextAlarm.percent),
                      at: format.dateTime(clock.nextAlarm.at),
                    })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function LevelBody({ level }: { level: RequestServiceLevel }) {
  const { t } = useTranslation('serviceLevels');
  const format = useFormatters();
  const sla = useSlaFormatters();
  const reasons = useSuspensionReasons();
  if (level.standing === 'not-applicable' || level.clocks.length === 0)
    return (
      <Text size="sm" data-testid="sla-not-applicable">
        {level.notApplicableReason
          ? t('panel.notApplicable', { reason: level.notApplicableReason })
          : t('panel.notApplicableBare')}
      </Text>
    );
  const pause = level.pause;
  const pauseLabel = pause ? reasons.find((reason) => reason.code === pause.reasonCode)?.label : undefined;
  return (
    <Stack gap="sm">
      {level.contractCode && (
        <Text size="sm">
          {t('panel.contract')}:{' '}
          <RecordLink plural="contracts" code={level.contractCode} name={level.contractName} />
        </Text>
      )}
      {pause && (
        <Alert
          color="#4a5563"
          variant="outline"
          title={t('panel.paused', { since: format.dateTime(pause.since) })}
        >
          <Text size="sm">
            {t('panel.pauseReason', {
              reason: [pauseLabel ?? pause.reasonCode, pause.reason].filter(Boolean).join(' — '),
            })}
          </Text>
        </Alert>
      )}
      <ClocksTable level={level} />
      <Text size="sm">
        {t('panel.penalty')}:{' '}
        {level.penalty && level.penalty.amount > 0
          ? t('panel.penaltyAmount', {
              amount: sla.money(level.penalty.amount, level.penalty.currency),
              count: level.penalty.hours,
            })
          : t('panel.noPenalty')}
      </Text>
    </Stack>
  );
}

/**
 * A request's service level: its contract, where it stands, each clock with its deadline, its time
 * left (counting down on the screen's own clock) or its outcome, the highest alarm reached, a pause
 * and its reason, the penalties charged. A reader the API does not show service levels to sees no
 * panel at all.
 */
export function RequestSlaPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation('serviceLevels');
  const level = useRequestServiceLevel(requestId);
  const error = level.error;
  if (error instanceof ApiProblemError && (error.status === 401 || error.status === 403)) return null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="request-sla-title"
      data-testid="sla-panel"
    >
      <Group gap="sm" mb="sm">
        <Title order={2} fz="h4" id="request-sla-title">
          {t('panel.title')}
        </Title>
        {level.data && <StandingBadge standing={level.data.standing} />}
      </Group>
      {level.data ? (
        <LevelBody level={level.data} />
      ) : error instanceof ApiProblemError && error.status === 404 ? (
        // No clocks recorded yet (the request has just opened) or none kept for it.
        <Text size="sm">{t('panel.unknown')}</Text>
      ) : error ? (
        <ProblemAlert error={error} />
      ) : (
        <Loader role="status" size="sm" aria-label={t('panel.loading')} />
      )}
    </Paper>
  );
}
