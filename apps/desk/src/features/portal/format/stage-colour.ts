import type { PortalStage } from '@fieldstream/api-contract';

/**
 * Each stage's badge colour, dark enough for white text on a filled badge (WCAG AA): what needs
 * the customer's attention stands out, what is over is quiet.
 */
export const STAGE_COLOURS: Record<PortalStage, string> = {
  received: 'blue.8',
  scheduling: 'indigo.8',
  planned: 'teal.9',
  'on-the-way': 'grape.8',
  'in-progress': 'orange.9',
  'on-hold': 'dark.6',
  completed: 'green.9',
  'resolved-remotely': 'green.9',
  cancelled: 'gray.8',
  declined: 'red.9',
};
