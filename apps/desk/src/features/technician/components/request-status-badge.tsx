import type { ServiceRequestStatusValue } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where the request stands, in words. */
export function RequestStatusBadge({ status }: { status: ServiceRequestStatusValue }) {
  const { t } = useTranslation('technician');
  return (
    <Badge color={status === 'in-progress' ? 'green.9' : 'gray.8'} variant="outline" size="lg">
      {t(`status.${status}`)}
    </Badge>
  );
}
