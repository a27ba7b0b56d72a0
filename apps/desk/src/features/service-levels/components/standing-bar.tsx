import { OPEN_SLA_STANDINGS, type SlaStandingCounts } from '@fieldstream/api-contract';
import { Box } from '@mantine/core';
import { STANDING_COLOURS } from '../format/standing-colours';

/**
 * A row's standings as one stacked bar, for the eye only (hidden from assistive technology: the
 * row's cells say the same figures).
 */
export function StandingBar({ counts }: { counts: SlaStandingCounts }) {
  const total = OPEN_SLA_STANDINGS.reduce((sum, standing) => sum + counts[standing], 0);
  return (
    <Box
      aria-hidden
      w="100%"
      miw={80}
      h={12}
      style={{ display: 'flex', borderRadius: 3, overflow: 'hidden', background: '#e9ecef' }}
    >
      {total > 0 &&
        OPEN_SLA_STANDINGS.filter((standing) => counts[standing] > 0).map((standing) => (
          <Box
            key={standing}
            h="100%"
            style={{ width: `${(counts[standing] / total) * 100}%`, background: STANDING_COLOURS[standing] }}
          />
        ))}
    </Box>
  );
}
