/** Query keys of the webhook subscriptions. A secret is never cached: it is fetched when revealed. */
export const webhookKeys = {
  all: () => ['webhook-subscriptions'] as const,
  list: () => ['webhook-subscriptions', 'list'] as const,
  one: (id: string) => ['webhook-subscriptions', 'one', id] as const,
  deliveries: (id: string, outcome: string | null) =>
    ['webhook-subscriptions', 'deliveries', id, outcome ?? 'all'] as const,
  eventTypes: () => ['webhook-subscriptions', 'event-types'] as const,
};
