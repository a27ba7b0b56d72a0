import type { ServiceRequestStatusValue } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Filled and dark enough for white text (WCAG AA); the word says the state, the colour only helps. */
const STATUS_COLOURS: Record<ServiceRequestStatusValue, string> = {
  open: '#6f2da8',
  accepted: '#3b4cc0',
  assigned: '#1c5a9c',
  'in-progress': '#0b6e64',
  suspended: '#8a5a00',
  closed: '#2b6a2f',
  'resolved-remotely': '#2b6a2f',
  cancelled: '#5f6670',
  rejected: '#5f6670',
};

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
