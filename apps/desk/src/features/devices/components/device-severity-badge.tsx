import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEVERITY_COLOURS } from '../../notifications/format/severity-colours';

const isKnown = (severity: string): severity is keyof typeof SEVERITY_COLOURS => severity in SEVERITY_COLOURS;

/** How serious a device's anomaly is, in words on the notifications' colours (white text at AA). */
export function DeviceSeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation('devices');
  return (
    <Badge
      color={isKnown(severity) ? SEVERITY_COLOURS[severity] : '#4a5563'}
      variant="filled"
      miw="fit-content"
      data-severity={severity}
    >
      {t(`severity.${severity}`, { defaultValue: severity })}
    </Badge>
  );
}
