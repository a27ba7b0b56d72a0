import { SERVICE_REQUEST_PRIORITY_VALUES } from '@fieldstream/api-contract';
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIORITY_COLOURS, SUSPENDED_COLOUR } from '../../../shared/service-request-colours';

function Swatch({ colour, label, hatched = false }: { colour: string; label: string; hatched?: boolean }) {
  return (
    <Group gap={6} role="listitem" wrap="nowrap">
      <Box
        w={14}
        h={14}
        aria-hidden
        style={{
          background: hatched
            ? `repeating-linear-gradient(-45deg, #ffffff 0 3px, ${colour} 3px 6px)`
            : colour,
          borderRadius: 3,
          border: '1px solid #868e96',
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** What the calendar's colours mean. */
export function PriorityLegend() {
  const { t } = useTranslation('serviceRequests');
  return (
    <Group gap="md" role="list" aria-label={t('agendas.legend')}>
      {SERVICE_REQUEST_PRIORITY_VALUES.map((priority) => (
        <Swatch key={priority} colour={PRIORITY_COLOURS[priority]} label={t(`priority.${priority}`)} />
      ))}
      <Swatch colour={SUSPENDED_COLOUR} label={t('agendas.suspended')} hatched />
    </Group>
  );
}
