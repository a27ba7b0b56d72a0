import { DELIVERY_STATUSES, type DeliveryLogEntry } from '@fieldstream/api-contract';

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryChannel = DeliveryLogEntry['channel'];

export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['email', 'sms', 'push', 'webhook'];

/** What the delivery log shows: by status and by channel, each optional. */
export interface DeliveryLogFilters {
  status: DeliveryStatus | null;
  channel: DeliveryChannel | null;
}

const isStatus = (value: string | null): value is DeliveryStatus =>
  value !== null && (DELIVERY_STATUSES as readonly string[]).includes(value);
const isChannel = (value: string | null): value is DeliveryChannel =>
  value !== null && (DELIVERY_CHANNELS as readonly string[]).includes(value);

/** The filters a link carries; a hand-edited value the API would refuse is dropped. */
export function deliveryLogFiltersFromSearchParams(params: URLSearchParams): DeliveryLogFilters {
  const status = params.get('status');
  const channel = params.get('channel');
  return { status: isStatus(status) ? status : null, channel: isChannel(channel) ? channel : null };
}

/** The filters as a query string, for the URL and the API alike (empty ones left out). */
export function searchParamsFromDeliveryLogFilters(filters: DeliveryLogFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.channel) search.set('channel', filters.channel);
  return search;
}
