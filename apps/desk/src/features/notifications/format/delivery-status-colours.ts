import type { DeliveryStatus } from '../delivery-log/delivery-log-filters';

/** A delivery's status on a filled badge and its count's edge, white text at WCAG AA. */
export const DELIVERY_STATUS_COLOURS: Record<DeliveryStatus, string> = {
  pending: '#4a5563',
  sent: '#2b6a2f',
  dead: '#a51d1d',
};
