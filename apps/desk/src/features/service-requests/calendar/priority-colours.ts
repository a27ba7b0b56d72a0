import type { ServiceRequestPriorityValue } from '@fieldstream/api-contract';

/**
 * One colour per priority, shared by the calendars and their legend; dark enough for white text
 * (WCAG AA). Suspended appointments turn grey and hatched whatever their priority.
 */
export const PRIORITY_COLOURS: Record<ServiceRequestPriorityValue, string> = {
  critical: '#a51d1d',
  high: '#b3480b',
  normal: '#1c5a9c',
  low: '#4d6b20',
};

export const SUSPENDED_COLOUR = '#6b7280';

/** The slot being proposed in the assign dialog, apart from every booked one. */
export const PROPOSED_COLOUR = '#6d28d9';
