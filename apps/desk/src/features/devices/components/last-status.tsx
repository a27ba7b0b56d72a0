import type { DeviceDiagnosis } from '@fieldstream/api-contract';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useDeviceFormatters } from '../format/use-device-formatters';
import { DeviceFact } from './device-fact';

/** The device's last state, when it said it, and its values as a compact list of names and readings. */
export function LastStatus({ status }: { status: DeviceDiagnosis['status'] }) {
  const { t } = useTranslation('devices');
  const format = useFormatters();
  const device = useDeviceFormatters();
  const titleId = useId();
  const values = Object.entries(status?.values ?? {});
  return (
    <Stack gap={6} component="section" aria-labelledby={titleId} data-testid="device-status">
      <Title order={3} fz="sm" id={titleId}>
        {t('status.title')}
      </Title>
      {!status ? (
        <Text size="sm">{t('status.none')}</Text>
      ) : (
        <>
          <Text size="sm" data-state={status.state}>
            {t('status.reported', { state: status.state, at: format.dateTime(status.at) })}
          </Text>
          {values.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('status.noValues')}
            </Text>
          ) : (
            <SimpleGrid
              component="dl"
              cols={{ base: 2, xs: 3 }}
              spacing="xs"
              verticalSpacing={4}
              m={0}
              aria-label={t('status.values')}
              data-testid="device-status-values"
            >
              {values.map(([name, value]) => (
                <DeviceFact key={name} term={name} mono>
                  {device.value(value)}
                </DeviceFact>
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
