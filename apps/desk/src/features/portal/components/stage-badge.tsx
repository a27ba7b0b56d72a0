import type { PortalStage } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGE_COLOURS } from '../format/stage-colour';

/** Where a request stands, in the customer's words. */
export function StageBadge({ stage }: { stage: PortalStage }) {
  const { t } = useTranslation('portal');
  return (
    <Badge color={STAGE_COLOURS[stage]} variant="filled" size="lg" radius="sm" tt="none" data-stage={stage}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}
