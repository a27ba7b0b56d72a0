import type { BoardAppointment } from '@fieldstream/api-contract';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../service-requests/format/use-formatters';

/**
 * Appointments an emergency suspended, in the window on screen: their requests still count on
 * that technician but hold no time, so they wait here to be re-planned (drag the hatched
 * appointment on the board). Nothing is shown when there are none.
 */
export function PushedAsideList({
  appointments,
  nameOf,
}: {
  appointments: readonly BoardAppointment[];
  nameOf(technicianCode: string): string;
}) {
  const { t } = useTranslation('dispatchBoard');
  const format = useFormatters();
  const headingId = useId();
  if (appointments.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-labelledby={headingId} data-testid="pushed-aside">
      <Title order={3} fz="h5" id={headingId}>
        {t('pushedAside.title', { count: appointments.length })}
      </Title>
      <Text size="xs" c="dimmed">
        {t('pushedAside.hint')}
      </Text>
      <List size="sm" spacing={2}>
        {appointments.map((appointment) => (
          <List.Item key={`${appointment.technicianCode}:${appointment.appointmentId}`}>
            <Anchor component={Link} to={`/app/requests/${encodeURIComponent(appointment.requestId)}`}>
              {appointment.request?.reference ?? appointment.requestId}
            </Anchor>{' '}
            {t('pushedAside.was', {
              who: nameOf(appointment.technicianCode),
              range: format.range(appointment.start, appointment.end),
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
