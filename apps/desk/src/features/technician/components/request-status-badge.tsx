import type { ServiceRequestStatusValue } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS } from '../../../shared/service-request-colours';

/** Where the request stands, in words on a colour dark enough for white text (WCAG AA). */
export function RequestStatusBadge({ status }: { status: ServiceRequestStatusValue }) {
  const { t } = useTranslation('technician');
  return (
    <Badge color={STATUS_COLOURS[status]} variant="filled" size="lg" miw="fit-content" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
