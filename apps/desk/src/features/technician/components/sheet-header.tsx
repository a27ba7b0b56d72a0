import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTimeWindow } from '../agenda/format-time-window';
import { PriorityBadge } from './priority-badge';
import { RequestStatusBadge } from './request-status-badge';

/** Reference, priority, status, the planned windows and what the customer reported. */
export function SheetHeader({ request }: { request: ServiceRequestDetail }) {
  const { t, i18n } = useTranslation('technician');
  const when = (instant: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(instant),
    );
  return (
    <Stack gap="xs">
      <Title order={1} fz="h2">
        {t('sheet.heading', { reference: request.reference })}
      </Title>
      <Group gap={6}>
        <PriorityBadge priority={request.priority} />
        <RequestStatusBadge status={request.status} />
      </Group>
      {request.assignments.length > 0 && (
        <List listStyleType="none" spacing={4} aria-label={t('sheet.planned')}>
          {request.assignments.map((assignment) => (
            <List.Item key={assignment.technicianCode}>
              <Text span fw={600}>
                {formatTimeWindow(assignment.start, assignment.end, {
                  language: i18n.language,
                  timeZone: undefined,
                  withDate: true,
                })}
              </Text>{' '}
              · {assignment.technicianName ?? assignment.technicianCode}
              {assignment.startedAt && ` · ${t('sheet.startedAt', { time: when(assignment.startedAt) })}`}
            </List.Item>
          ))}
        </List>
      )}
      {request.suspension && (
        <Text fw={600}>
          {request.suspension.until
            ? t('sheet.suspendedUntil', {
                reason: request.suspension.reason,
                until: when(request.suspension.until),
              })
            : t('sheet.suspended', { reason: request.suspension.reason })}
        </Text>
      )}
      <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{request.description}</Text>
    </Stack>
  );
}
