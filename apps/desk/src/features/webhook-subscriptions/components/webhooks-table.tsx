import type { WebhookSubscriptionView } from '@fieldstream/api-contract';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../service-levels/components/scroll-table';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { webhookScreenOf } from '../api/webhook-screen-paths';
import { PendingEvents } from './pending-events';
import { WebhookStatusBadge } from './webhook-status-badge';

/** The subscriptions: each one's status, target, what it receives, how far behind it is, its last delivery. */
export function WebhooksTable({ subscriptions }: { subscriptions: readonly WebhookSubscriptionView[] }) {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const events = (subscription: WebhookSubscriptionView) => {
    const parts = [
      subscription.categories.length > 0 && t('events.categories', { count: subscription.categories.length }),
      subscription.eventTypes.length > 0 && t('events.types', { count: subscription.eventTypes.length }),
    ].filter((part): part is string => typeof part === 'string');
    return parts.length === 2 ? t('events.and', { first: parts[0], second: parts[1] }) : parts[0];
  };
  return (
    <ScrollTable minWidth={980} label={t('caption')}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="webhooks">
        <Table.Caption>{t('caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.name')}</Table.Th>
            <Table.Th scope="col">{t('columns.status')}</Table.Th>
            <Table.Th scope="col">{t('columns.url')}</Table.Th>
            <Table.Th scope="col">{t('columns.events')}</Table.Th>
            <Table.Th scope="col">{t('columns.pending')}</Table.Th>
            <Table.Th scope="col">{t('columns.lastDelivery')}</Table.Th>
            <Table.Th scope="col">{t('columns.owner')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscriptions.map((subscription) => (
            <Table.Tr key={subscription.id} data-webhook-id={subscription.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={webhookScreenOf(subscription.id)}>
                  {subscription.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <WebhookStatusBadge subscription={subscription} />
              </Table.Td>
              <Table.Td style={{ maxWidth: '20rem', overflowWrap: 'anywhere' }}>
                <Text size="sm" ff="monospace">
                  {subscription.url}
                </Text>
              </Table.Td>
              <Table.Td>{events(subscription)}</Table.Td>
              <Table.Td>
                <PendingEvents delivery={subscription.delivery} />
              </Table.Td>
              <Table.Td>
                {subscription.delivery.lastSuccessAt ? (
                  <time dateTime={subscription.delivery.lastSuccessAt}>
                    {format.dateTime(subscription.delivery.lastSuccessAt)}
                  </time>
                ) : (
                  t('never')
                )}
              </Table.Td>
              <Table.Td>{subscription.owner.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
