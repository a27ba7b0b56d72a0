import type { ServiceRequestPriorityValue } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIORITY_COLOURS } from '../../../shared/service-request-colours';

/** The request's priority, in colour and in words. */
export function PriorityBadge({ priority }: { priority: ServiceRequestPriorityValue }) {
  const { t } = useTranslation('technician');
  return (
    <Badge color={PRIORITY_COLOURS[priority]} variant="filled" size="lg" data-priority={priority}>
      {t(`priority.${priority}`)}
    </Badge>
  );
}
