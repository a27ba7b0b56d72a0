import type { DeviceDiagnosis } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';

/** Each presence's colour; white text on each at WCAG AA. The words say it, the colour only helps. */
const PRESENCE_COLOURS = {
  online: '#2b6a2f',
  silent: '#8a5a00',
  unknown: '#4a5563',
} as const;

/** Whether the device is heard: online, silent since when, or never connected at all. */
export function PresenceBadge({ device }: { device: DeviceDiagnosis }) {
  const { t } = useTranslation('devices');
  const format = useFormatters();
  const label =
    device.presence === 'online'
      ? t('presence.online')
      : device.presence === 'silent'
        ? t('presence.silent', { since: device.silentSince ? format.dateTime(device.silentSince) : '—' })
        : device.connected
          ? t('presence.unknown')
          : t('presence.never');
  return (
    <Badge
      color={PRESENCE_COLOURS[device.presence]}
      variant="filled"
      miw="fit-content"
      tt="none"
      data-presence={device.connected ? device.presence : 'never'}
      data-testid="device-presence"
    >
      {label}
    </Badge>
  );
}
