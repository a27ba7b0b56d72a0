import {
  WEBHOOK_ATTEMPT_OUTCOMES,
  type WebhookAttemptOutcome,
  type WebhookDeliveryAttempt,
} from '@fieldstream/api-contract';
import { Badge, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { ScrollTable } from '../../service-levels/components/scroll-table';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useSecondsFormat } from '../format/use-seconds-format';
import { useWebhookDeliveries } from '../hooks/use-webhook-deliveries';

/** Outcome badges, filled, white text at WCAG AA. */
const OUTCOME_COLOURS: Record<WebhookAttemptOutcome, string> = {
  delivered: '#2b6a2f',
  failed: '#8a4b00',
  refused: '#a51d1d',
  gone: '#4a5563',
};

/**
 * What the receiver said besides its status (the start of its body), or why there was no answer:
 * `answered 503: busy` shows as `busy` under "HTTP 503", `answered 503` as nothing more.
 */
function detailOf(attempt: WebhookDeliveryAttempt): string {
  const error = attempt.error ?? '';
  if (attempt.status === null) return error;
  const said = `answered ${attempt.status}`;
  return error === said ? '' : error.startsWith(`${said}: `) ? error.slice(said.length + 2) : error;
}

/**
 * The subscription's delivery log: every attempt, newest first, read again every few seconds, by
 * outcome if asked; older attempts a page at a time. Each row: when, which event (or the test
 * ping), its position, the attempt number, the outcome, the receiver's status or the error, and
 * how long it took.
 */
export function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const withSeconds = useSecondsFormat();
  const [outcome, setOutcome] = useState<WebhookAttemptOutcome | null>(null);
  const log = useWebhookDeliveries(subscriptionId, outcome);
  const attempts = log.data?.pages.flatMap((page) => page.deliveries) ?? [];
  return (
    <Stack component="section" aria-labelledby="webhook-log" gap="sm">
      <Title order={2} fz="h4" id="webhook-log">
        {t('log.heading')}
      </Title>
      <Text size="sm">{t('log.intro')}</Text>
      <Select
        label={t('log.filter')}
        w={240}
        data={[
          { value: 'all', label: t('log.all') },
          ...WEBHOOK_ATTEMPT_OUTCOMES.map((value) => ({ value, label: t(`log.outcomes.${value}`) })),
        ]}
        value={outcome ?? 'all'}
        allowDeselect={false}
        onChange={(value) => setOutcome(!value || value === 'all' ? null : (value as WebhookAttemptOutcome))}
      />
      {log.error ? (
        <ProblemAlert error={log.error} />
      ) : log.isPending ? (
        <Loader size="sm" role="status" aria-label={t('log.loading')} />
      ) : attempts.length === 0 ? (
        <Text size="sm" data-testid="webhook-log-empty">
          {t('log.empty')}
        </Text>
      ) : (
        <ScrollTable minWidth={960} label={t('log.caption')}>
          <Table verticalSpacing={4} fz="sm" data-testid="webhook-log">
            <Table.Caption>{t('log.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('log.columns.at')}</Table.Th>
                <Table.Th scope="col">{t('log.columns.event')}</Table.Th>
                <Table.Th scope="col">{t('log.columns.position')}</Table.Th>
                <Table.Th scope="col">{t('log.columns.attempt')}</Table.Th>
                <Table.Th scope="col">{t('log.columns.outcome')}</Table.Th>
                <Table.Th scope="col">{t('log.columns.answer')}</Table.Th>
                <Table.Th scope="col">{t('log.columns.duration')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attempts.map((attempt) => (
                <Table.Tr key={attempt.id} data-attempt-id={attempt.id} data-outcome={attempt.outcome}>
                  <Table.Td>
                    <time dateTime={attempt.at}>{withSeconds(attempt.at)}</time>
                  </Table.Td>
                  <Table.Td style={{ maxWidth: '24rem', overflowWrap: 'anywhere' }}>
                    <Text size="sm">{attempt.kind === 'ping' ? t('log.ping') : attempt.eventType}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {attempt.eventId}
                      {attempt.subject ? ` · ${attempt.subject}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{attempt.position === null ? '' : attempt.position}</Table.Td>
                  <Table.Td>{attempt.attempt}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOURS[attempt.outcome]} variant="filled" miw="fit-content">
                      {t(`log.outcomes.${attempt.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ maxWidth: '22rem', overflowWrap: 'anywhere' }}>
                    {attempt.status !== null && (
                      <Text size="sm">{t('log.status', { status: attempt.status })}</Text>
                    )}
                    {detailOf(attempt) && (
                      <Text size="xs" c="dimmed" lineClamp={3} title={detailOf(attempt)}>
                        {detailOf(attempt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t('log.duration', { duration: format.number(attempt.durationMs) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {log.hasNextPage && (
        <Group>
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('log.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
