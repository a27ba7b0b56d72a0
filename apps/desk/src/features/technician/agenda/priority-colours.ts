import type { ServiceRequestPriorityValue } from '@fieldstream/api-contract';

/** Mantine colours of the priorities: the more urgent, the warmer; each badge also says it in words. */
export const PRIORITY_COLOURS: Record<ServiceRequestPriorityValue, string> = {
  critical: 'red.9',
  high: 'orange.9',
  normal: 'steel.7',
  low: 'gray.7',
};

/** The same colours for FullCalendar, which takes CSS colours. */
export const PRIORITY_CSS_COLOURS: Record<ServiceRequestPriorityValue, string> = {
  critical: '#c92a2a',
  high: '#d9480f',
  normal: '#2b5f8f',
  low: '#495057',
};
