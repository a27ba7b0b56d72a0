import type { ServiceRequestPriorityValue } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIORITY_COLOURS } from '../../../shared/service-request-colours';

/** The priority in words on its colour: the colour alone would say nothing to a colour-blind reader. */
export function PriorityBadge({ priority }: { priority: ServiceRequestPriorityValue }) {
  const { t } = useTranslation('serviceRequests');
  return (
    <Badge color={PRIORITY_COLOURS[priority]} variant="filled" miw="fit-content" data-priority={priority}>
      {t(`priority.${priority}`)}
    </Badge>
  );
}
