import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AVAILABILITY_COLOURS, type AvailabilityMeaning } from '../calendar/availability-colours';

const ORDER: AvailabilityMeaning[] = [
  'open',
  'closure',
  'holiday',
  'technicianAvailable',
  'siteAvailable',
  'both',
];

export function AvailabilityLegend() {
  const { t } = useTranslation('availability');
  return (
    <Group gap="md" role="list" aria-label={t('legend.label')}>
      {ORDER.map((meaning) => (
        <Group key={meaning} gap={6} role="listitem" wrap="nowrap">
          <Box
            w={14}
            h={14}
            style={{
              background: AVAILABILITY_COLOURS[meaning],
              borderRadius: 3,
              border: '1px solid #868e96',
            }}
            aria-hidden
          />
          <Text size="xs">{t(`legend.${meaning}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
