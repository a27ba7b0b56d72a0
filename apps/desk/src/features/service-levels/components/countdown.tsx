import { Text } from '@mantine/core';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useSlaFormatters } from '../format/use-sla-formatters';
import { useNow } from '../hooks/use-now';

/**
 * Time left to a deadline, ticking every second on the screen's own clock; "overdue by …" once it
 * has passed. Not a live region: a screen reader would hear it every second. The deadline itself is
 * the element's machine-readable time and its title.
 */
export function Countdown({ deadline }: { deadline: string }) {
  const now = useNow();
  const sla = useSlaFormatters();
  const format = useFormatters();
  const overdue = Date.parse(deadline) < now;
  return (
    <Text
      component="time"
      size="sm"
      fw={overdue ? 700 : 500}
      c={overdue ? 'red.9' : undefined}
      dateTime={deadline}
      title={format.dateTime(deadline)}
      data-testid="countdown"
      data-overdue={overdue || undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {sla.countdown(deadline, now)}
    </Text>
  );
}
