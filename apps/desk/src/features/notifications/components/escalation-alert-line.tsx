import type { InboxNotificationView } from '@fieldstream/api-contract';
import { Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { Countdown } from '../../service-levels/components/countdown';

type EscalationFacts = NonNullable<InboxNotificationView['escalation']>;

/**
 * An escalation alert's own line in the inbox: its level, and either who has it in hand
 * (acknowledged) or the deadline to acknowledge, counting down, with the button to do so.
 */
export function EscalationAlertLine({
  escalation,
  reference,
  onAcknowledge,
}: {
  escalation: EscalationFacts;
  reference: string;
  /** Absent when the alert names no request to acknowledge. */
  onAcknowledge?: (() => void) | undefined;
}) {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  return (
    <Group gap="sm" wrap="wrap" data-testid="escalation-alert" data-acknowledged={escalation.acknowledged}>
      <Text size="sm" fw={700}>
        {t('escalation.levelAlert', { level: escalation.level })}
      </Text>
      {escalation.acknowledged ? (
        <Badge color="#2b6a2f" variant="filled" miw="fit-content">
          {t('escalation.acknowledged')}
        </Badge>
      ) : (
        <>
          {escalation.acknowledgeBy && (
            <Group gap={6} wrap="nowrap">
              <Text size="sm" component="span">
                {t('escalation.acknowledgeBy', { time: format.dateTime(escalation.acknowledgeBy) })}
              </Text>
              <Text size="sm" component="span" aria-hidden="true">
                ·
              </Text>
              <Countdown deadline={escalation.acknowledgeBy} />
            </Group>
          )}
          {onAcknowledge && (
            <Button size="xs" color="#a51d1d" onClick={onAcknowledge}>
              {t('escalation.acknowledge')}
              <VisuallyHidden> {t('escalation.ofReference', { reference })}</VisuallyHidden>
            </Button>
          )}
        </>
      )}
    </Group>
  );
}
