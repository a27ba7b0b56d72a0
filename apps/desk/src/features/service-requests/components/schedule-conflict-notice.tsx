import { Alert, Anchor, Checkbox, List, Radio, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referenceOf } from '../format/reference-of';
import { useFormatters } from '../format/use-formatters';
import type { Displacement } from '../hooks/use-displacement';

/**
 * A technician already booked: the appointments in the way (the server's words only when it named
 * none: its message carries ids and UTC instants, which the list says in the reader's terms), and the way out
 * for an emergency — suspend or remove them, and book anyway. `impact`, shown once the emergency is
 * ticked, says what confirming it would do (the Assign dialog's preview).
 */
export function ScheduleConflictNotice({
  displacement,
  impact,
}: {
  displacement: Displacement;
  impact?: ReactNode;
}) {
  const { t } = useTranslation('serviceRequests');
  const format = useFormatters();
  if (displacement.detail === null) return null;
  return (
    <Alert
      color="orange"
      role="alert"
      title={t('conflict.scheduleTitle')}
      data-testid="schedule-conflict"
      // The light variant's orange title is 3.6:1 on its background; WCAG AA asks for 4.5:1.
      styles={{ title: { color: '#7c2d12' } }}
    >
      <Stack gap="xs">
        <Text size="sm">
          {displacement.conflicts.length > 0
            ? t('conflict.inTheWay', { count: displacement.conflicts.length })
            : displacement.detail}
        </Text>
        <List size="sm">
          {displacement.conflicts.map((conflict) => (
            <List.Item key={conflict.appointmentId}>
              {t('conflict.appointment', { range: format.range(conflict.start, conflict.end) })}{' '}
              <Anchor component={Link} to={`/app/requests/${encodeURIComponent(conflict.requestId)}`}>
                {referenceOf(conflict.requestId)}
              </Anchor>
            </List.Item>
          ))}
        </List>
        <Checkbox
          label={t('conflict.emergency')}
          description={t('conflict.emergencyHint')}
          checked={displacement.emergency}
          onChange={(event) => displacement.setEmergency(event.currentTarget.checked)}
        />
        {displacement.emergency && (
          <Radio.Group
            label={t('conflict.action')}
            value={displacement.action}
            onChange={(value) => displacement.setAction(value === 'remove' ? 'remove' : 'suspend')}
          >
            <Stack gap={4} mt={4}>
              <Radio value="suspend" label={t('conflict.suspend')} />
              <Radio value="remove" label={t('conflict.remove')} />
            </Stack>
          </Radio.Group>
        )}
        {displacement.emergency && impact}
      </Stack>
    </Alert>
  );
}
