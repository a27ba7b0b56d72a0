import type { ServiceRequestStatusValue } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { STATUS_COLOURS } from '../../../shared/service-request-colours';
import { useTranslation } from 'react-i18next';

export function StatusBadge({
  status,
  suspendedFrom,
}: {
  status: ServiceRequestStatusValue;
  /** While suspended, the state it resumes to, said in the badge's title. */
  suspendedFrom?: ServiceRequestStatusValue | undefined;
}) {
  const { t } = useTranslation('serviceRequests');
  return (
    <Badge
      color={STATUS_COLOURS[status]}
      variant="filled"
      // A narrow table column must not cut the word down to an ellipsis.
      miw="fit-content"
      data-status={status}
      title={suspendedFrom ? t('status.suspendedFrom', { status: t(`status.${suspendedFrom}`) }) : undefined}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
