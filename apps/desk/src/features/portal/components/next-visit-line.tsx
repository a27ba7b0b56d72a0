import type { PortalVisit } from '@fieldstream/api-contract';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatWindow } from '../format/format-window';

/**
 * The one line a customer looks for: when the technician comes and who — or that they are on
 * their way, and about how long they will be, or already there.
 */
export function NextVisitLine({ visit }: { visit: PortalVisit }) {
  const { t, i18n } = useTranslation('portal');
  const name = visit.technicianFirstName ?? t('common.technician');
  const text = visit.arrivedAt
    ? t('card.onSite', { name })
    : visit.departedAt
      ? visit.etaMinutes !== undefined
        ? t('card.onTheWayEta', { name, minutes: visit.etaMinutes })
        : t('card.onTheWay', { name })
      : visit.technicianFirstName
        ? t('card.visit', { window: formatWindow(visit.start, visit.end, i18n.language), name })
        : t('card.visitNoName', { window: formatWindow(visit.start, visit.end, i18n.language) });
  return (
    <Text fw={700} data-testid="next-visit">
      {text}
    </Text>
  );
}
