import type { DeliveryLogEntry } from '@fieldstream/api-contract';
import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { ScrollTable } from '../../service-levels/components/scroll-table';
import { useDeliveryLog } from '../hooks/use-delivery-log';
import { useDeliveryLogFilters } from '../hooks/use-delivery-log-filters';
import { DeliveryCounts } from './delivery-counts';
import { DeliveryFilterBar } from './delivery-filter-bar';
import { DeliveryRow } from './delivery-row';
import { RequeueDialog } from './requeue-dialog';

/**
 * `/app/notification-deliveries`, for administrators and auditors: every message sent outside the
 * desk, newest first, by status and channel, with the counts per status; each delivery's attempts
 * on demand, its last error, and the dead letters standing out. An administrator can send a dead
 * letter again, after confirming; an auditor only reads. The live notice `notification-deliveries`
 * keeps it current.
 */
export function DeliveryLogPage() {
  const { t } = useTranslation('notifications');
  useDocumentTitle(`${t('deliveries.title')} · Fieldstream`);
  const { session } = useSession();
  const mayRequeue = session?.user.role === 'admin';
  const { filters, update } = useDeliveryLogFilters();
  const log = useDeliveryLog(filters);
  const [requeueing, setRequeueing] = useState<DeliveryLogEntry | null>(null);
  const [requeued, setRequeued] = useState<DeliveryLogEntry | null>(null);
  const pages = log.data?.pages ?? [];
  const deliveries = pages.flatMap((page) => page.deliveries);
  const counts = pages[0]?.counts;
  const columns = mayRequeue ? 8 : 7;
  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        {t('deliveries.title')}
      </Title>
      <Text size="sm" maw={760}>
        {t('deliveries.intro')}
      </Text>
      <DeliveryFilterBar filters={filters} onChange={update} />
      {counts && <DeliveryCounts counts={counts} />}
      {requeued && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('deliveries.cancel')}
          onClose={() => setRequeued(null)}
        >
          {t('deliveries.requeued', { subject: requeued.subject, user: requeued.userName })}
        </Alert>
      )}
      {log.error && <ProblemAlert error={log.error} />}
      {log.isPending && <Loader size="sm" role="status" aria-label={t('deliveries.loading')} />}
      {log.data &&
        (deliveries.length === 0 ? (
          <Text size="sm" data-testid="deliveries-empty">
            {t('deliveries.empty')}
          </Text>
        ) : (
          <ScrollTable minWidth={1100} label={t('deliveries.caption')}>
            <Table highlightOnHover data-testid="delivery-log" verticalSpacing="xs">
              <Table.Caption>{t('deliveries.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('deliveries.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('deliveries.columns.channel')}</Table.Th>
                  <Table.Th scope="col">{t('deliveries.columns.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('deliveries.columns.message')}</Table.Th>
                  <Table.Th scope="col">{t('deliveries.columns.scheduled')}</Table.Th>
                  <Table.Th scope="col">{t('deliveries.columns.attempts')}</Table.Th>
                  <Table.Th scope="col">{t('deliveries.columns.lastError')}</Table.Th>
                  {mayRequeue && <Table.Th scope="col">{t('deliveries.columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.map((delivery) => (
                  <DeliveryRow
                    key={delivery.deliveryId}
                    delivery={delivery}
                    columns={columns}
                    onRequeue={mayRequeue ? setRequeueing : undefined}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ))}
      {log.hasNextPage && (
        <Group>
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('deliveries.loadMore')}
          </Button>
        </Group>
      )}
      {requeueing && (
        <RequeueDialog
          delivery={requeueing}
          onClose={() => setRequeueing(null)}
          onRequeued={() => setRequeued(requeueing)}
        />
      )}
    </Stack>
  );
}
