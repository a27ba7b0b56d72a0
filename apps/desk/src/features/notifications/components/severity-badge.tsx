import type { InboxNotificationView } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEVERITY_COLOURS } from '../format/severity-colours';

/** How serious a notification is, in words on its colour. */
export function SeverityBadge({ severity }: { severity: InboxNotificationView['severity'] }) {
  const { t } = useTranslation('notifications');
  return (
    <Badge color={SEVERITY_COLOURS[severity]} variant="filled" miw="fit-content" data-severity={severity}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}
