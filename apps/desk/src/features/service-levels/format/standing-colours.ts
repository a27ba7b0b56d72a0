import type { SlaStandingName } from '@fieldstream/api-contract';

/**
 * A standing's colour, on badges, tiles and bars. Each carries white text at WCAG AA (filled
 * badges only: a light variant of these shades once rendered unreadable text); the words say the
 * standing, the colour only helps.
 */
export const STANDING_COLOURS: Record<SlaStandingName, string> = {
  'on-track': '#2b6a2f',
  'at-risk': '#8a5a00',
  breached: '#a51d1d',
  paused: '#4a5563',
  met: '#0b6e64',
  cancelled: '#5f6670',
  'not-applicable': '#5f6670',
};
