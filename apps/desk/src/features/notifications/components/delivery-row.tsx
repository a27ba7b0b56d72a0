import type { DeliveryLogEntry } from '@fieldstream/api-contract';
import { Anchor, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referenceOf } from '../../service-requests/format/reference-of';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { DELIVERY_STATUS_COLOURS } from '../format/delivery-status-colours';

const requestPath = (id: string) => `/app/requests/${encodeURIComponent(id)}`;

/**
 * One delivery: its status, channel, recipient and message, when it may go, its attempts (listed
 * below the row on demand) and its last error. A dead letter stands out and, for an administrator,
 * offers to be sent again.
 */
export function DeliveryRow({
  delivery,
  columns,
  onRequeue,
}: {
  delivery: DeliveryLogEntry;
  /** How many columns the table has, for the attempts' row to span them. */
  columns: number;
  /** For a reader who may requeue (an administrator); an auditor's table has no actions column. */
  onRequeue?: ((delivery: DeliveryLogEntry) => void) | undefined;
}) {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  const attemptsId = useId();
  const [expanded, setExpanded] = useState(false);
  const dead = delivery.status === 'dead';
  const attempts = delivery.attempts;
  return (
    <>
      <Table.Tr
        data-delivery-id={delivery.deliveryId}
        data-status={delivery.status}
        style={
          dead
            ? {
                background: 'var(--mantine-color-red-0)',
                boxShadow: `inset 6px 0 0 ${DELIVERY_STATUS_COLOURS.dead}`,
              }
            : undefined
        }
      >
        <Table.Td style={{ minWidth: '8.5rem' }}>
          <Badge color={DELIVERY_STATUS_COLOURS[delivery.status]} variant="filled" miw="fit-content">
            {t(`deliveries.statuses.${delivery.status}`)}
          </Badge>
        </Table.Td>
        <Table.Td>{t(`channels.${delivery.channel}`)}</Table.Td>
        <Table.Td style={{ minWidth: '12rem' }}>
          <Text size="sm" fw={500}>
            {delivery.userName}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {delivery.address}
          </Text>
        </Table.Td>
        <Table.Td style={{ minWidth: '14rem' }}>
          <Text size="sm">{delivery.subject}</Text>
          <Text size="xs" c="dimmed">
            {t(`topics.${delivery.topic}`)}
            {delivery.requestId && (
              <>
                {' · '}
                <Anchor
                  component={Link}
                  to={requestPath(delivery.requestId)}
                  size="xs"
                  // Within dimmed text its colour alone would not tell it apart.
                  underline="always"
                >
                  {delivery.reference ?? referenceOf(delivery.requestId)}
                </Anchor>
              </>
            )}
          </Text>
        </Table.Td>
        <Table.Td>
          <time dateTime={delivery.notBefore}>{format.dateTime(delivery.notBefore)}</time>
          {delivery.sentAt && (
            <Text size="xs" c="dimmed">
              {t('deliveries.sentAt', { time: format.dateTime(delivery.sentAt) })}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {attempts.length === 0 ? (
            <Text size="sm">{t('deliveries.noAttempts')}</Text>
          ) : (
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={expanded}
              aria-controls={attemptsId}
              onClick={() => setExpanded((open) => !open)}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}&nbsp;</span>
              {t('deliveries.attemptsCount', { count: attempts.length })}
              <VisuallyHidden> {t('deliveries.toUser', { user: delivery.userName })}</VisuallyHidden>
            </Button>
          )}
        </Table.Td>
        <Table.Td style={{ maxWidth: '22rem' }}>
          {delivery.lastError && (
            <Text size="sm" c={dead ? 'red.9' : undefined} lineClamp={3} title={delivery.lastError}>
              {delivery.lastError}
            </Text>
          )}
        </Table.Td>
        {onRequeue && (
          <Table.Td>
            {dead && (
              <Button size="xs" color="#a51d1d" onClick={() => onRequeue(delivery)}>
                {t('deliveries.requeue')}
                <VisuallyHidden>
                  {' '}
                  {t('deliveries.requeueWhat', { subject: delivery.subject, user: delivery.userName })}
                </VisuallyHidden>
              </Button>
            )}
          </Table.Td>
        )}
      </Table.Tr>
      {attempts.length > 0 && (
        <Table.Tr id={attemptsId} hidden={!expanded} data-attempts-of={delivery.deliveryId}>
          <Table.Td colSpan={columns} bg="var(--mantine-color-gray-0)">
            {expanded && (
              <Table withRowBorders={false} verticalSpacing={4} fz="sm" maw={880}>
                <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                  {t('deliveries.attemptsCaption', { subject: delivery.subject, user: delivery.userName })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('deliveries.attempt')}</Table.Th>
                    <Table.Th scope="col">{t('deliveries.at')}</Table.Th>
                    <Table.Th scope="col">{t('deliveries.outcome')}</Table.Th>
                    <Table.Th scope="col">{t('deliveries.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {attempts.map((attempt) => (
                    <Table.Tr key={attempt.attempt} data-outcome={attempt.outcome}>
                      <Table.Td>{attempt.attempt}</Table.Td>
                      <Table.Td>
                        <time dateTime={attempt.at}>{format.dateTime(attempt.at)}</time>
                      </Table.Td>
                      <Table.Td>{t(`deliveries.outcomes.${attempt.outcome}`)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{attempt.error ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
