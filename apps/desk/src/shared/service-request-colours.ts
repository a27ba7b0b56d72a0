import type { ServiceRequestPriorityValue, ServiceRequestStatusValue } from '@fieldstream/api-contract';

/**
 * The colours of a request's priority and state, the same at the desk and on the phone. Each is
 * dark enough for white text (WCAG AA); the words say the priority or state, the colour only helps.
 */
export const PRIORITY_COLOURS: Record<ServiceRequestPriorityValue, string> = {
  critical: '#a51d1d',
  high: '#b3480b',
  normal: '#1c5a9c',
  low: '#4d6b20',
};

export const STATUS_COLOURS: Record<ServiceRequestStatusValue, string> = {
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

/** A suspended appointment in a calendar, whatever its priority. */
export const SUSPENDED_COLOUR = '#6b7280';
