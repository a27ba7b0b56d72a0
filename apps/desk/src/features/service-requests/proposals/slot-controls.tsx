import type { ProposedSlotView } from '@fieldstream/api-contract';
import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ZonedFormats } from './zoned-formats';

/** Within or after the service level's deadline, in words on its colour; nothing without a deadline. */
export function DeadlineBadge({ withinDeadline }: { withinDeadline: boolean | undefined }) {
  const { t } = useTranslation('serviceRequests');
  if (withinDeadline === undefined) return null;
  return (
    <Badge
      variant="filled"
      color={withinDeadline ? 'teal.9' : 'red.9'}
      miw="fit-content"
      data-deadline={withinDeadline ? 'within' : 'after'}
    >
      {withinDeadline ? t('proposals.withinDeadline') : t('proposals.afterDeadline')}
    </Badge>
  );
}

/**
 * Takes a slot into the dialog's current row; named with the technician and the start it takes.
 * Nothing where there is nothing to take it into (a what-if has no request to assign).
 */
export function UseSlotButton({
  name,
  slot,
  formats,
  onUse,
}: {
  name: string;
  slot: ProposedSlotView;
  formats: ZonedFormats;
  onUse: ((slot: ProposedSlotView) => void) | undefined;
}) {
  const { t } = useTranslation('serviceRequests');
  if (!onUse) return null;
  return (
    <Button
      size="compact-sm"
      variant="filled"
      aria-label={t('proposals.useLabel', { name, when: formats.dayTime(slot.start) })}
      onClick={() => onUse(slot)}
    >
      {t('proposals.use')}
    </Button>
  );
}
