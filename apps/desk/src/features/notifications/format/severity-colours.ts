import type { InboxNotificationView } from '@fieldstream/api-contract';

/**
 * A severity's colour, on filled badges and an item's edge. Each carries white text at WCAG AA
 * (a light variant of shaded colours once rendered unreadable text); the word says the severity,
 * the colour only helps.
 */
export const SEVERITY_COLOURS: Record<InboxNotificationView['severity'], string> = {
  info: '#2b5f8f',
  warning: '#8a5a00',
  critical: '#a51d1d',
};
