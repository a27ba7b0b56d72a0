/** Where the desk shows webhooks, under `/app`. */
export const WEBHOOKS_SCREEN = '/app/integrations/webhooks';
export const webhookScreenOf = (id: string) => `${WEBHOOKS_SCREEN}/${encodeURIComponent(id)}`;
