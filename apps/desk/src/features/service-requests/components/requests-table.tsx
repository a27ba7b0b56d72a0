import type { ServiceRequestSummary } from '@fieldstream/api-contract';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormatters } from '../format/use-formatters';
import { PriorityBadge } from './priority-badge';
import { StatusBadge } from './status-badge';

const requestPath = (id: string) => `/app/requests/${encodeURIComponent(id)}`;

const named = (code: string | undefined, name: string | undefined) =>
  code === undefined ? '' : name ? `${name} (${code})` : code;

/**
 * The to-do list's rows. The reference is a link, so every row is reachable with Tab and opens
 * with Enter; `j`/`k` move the selection (and the focus) from link to link.
 */
export function RequestsTable({
  requests,
  selected,
  caption,
  now,
}: {
  requests: readonly ServiceRequestSummary[];
  /** The row `j`/`k` stand on, or -1. */
  selected: number;
  caption: string;
  now: number;
}) {
  const { t } = useTranslation('serviceRequests');
  const navigate = useNavigate();
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table highlightOnHover striped data-testid="service-requests">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.reference')}</Table.Th>
            <Table.Th scope="col">{t('columns.priority')}</Table.Th>
            <Table.Th scope="col">{t('columns.status')}</Table.Th>
            <Table.Th scope="col">{t('columns.customer')}</Table.Th>
            <Table.Th scope="col">{t('columns.site')}</Table.Th>
            <Table.Th scope="col">{t('columns.asset')}</Table.Th>
            <Table.Th scope="col">{t('columns.description')}</Table.Th>
            <Table.Th scope="col">{t('columns.zone')}</Table.Th>
            <Table.Th scope="col">{t('columns.plannedStart')}</Table.Th>
            <Table.Th scope="col">{t('columns.technicians')}</Table.Th>
            <Table.Th scope="col">{t('columns.age')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request, index) => (
            <Table.Tr
              key={request.id}
              data-row-index={index}
              data-request-id={request.id}
              data-selected={index === selected || undefined}
              bg={index === selected ? 'var(--mantine-primary-color-light)' : undefined}
              onClick={() => navigate(requestPath(request.id))}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                {/* The row click is a mouse shortcut; the link is what the keyboard reaches. */}
                <Link to={requestPath(request.id)} onClick={(event) => event.stopPropagation()}>
                  {request.reference}
                </Link>
              </Table.Td>
              {/* Badges keep their whole word: a narrow column would cut it to an ellipsis. */}
              <Table.Td style={{ minWidth: '6.5rem' }}>
                <PriorityBadge priority={request.priority} />
              </Table.Td>
              <Table.Td style={{ minWidth: '9.5rem' }}>
                <StatusBadge status={request.status} suspendedFrom={request.suspendedFrom} />
              </Table.Td>
              <Table.Td>{named(request.customerCode, request.customerName)}</Table.Td>
              <Table.Td>{named(request.siteCode, request.siteName)}</Table.Td>
              <Table.Td>{named(request.assetCode, request.assetName)}</Table.Td>
              <Table.Td maw={280}>
                <Text size="sm" lineClamp={2} title={request.description}>
                  {request.description}
                </Text>
              </Table.Td>
              <Table.Td>{request.zoneCode ?? ''}</Table.Td>
              <Table.Td>
                {request.plannedStart && (
                  <time dateTime={request.plannedStart}>{format.dateTime(request.plannedStart)}</time>
                )}
              </Table.Td>
              <Table.Td>
                {request.assignments.map((a) => a.technicianName ?? a.technicianCode).join(', ')}
              </Table.Td>
              <Table.Td>
                <time dateTime={request.openedAt} title={format.dateTime(request.openedAt)}>
                  {format.age(request.openedAt, now)}
                </time>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
