import type { SlaStandingName } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STANDING_COLOURS } from '../format/standing-colours';

/** Where a request stands against its service level, in words on its colour. */
export function StandingBadge({ standing }: { standing: SlaStandingName }) {
  const { t } = useTranslation('serviceLevels');
  return (
    <Badge color={STANDING_COLOURS[standing]} variant="filled" miw="fit-content" data-standing={standing}>
      {t(`standing.${standing}`)}
    </Badge>
  );
}
