import { z } from 'zod';

const code = z.string().trim().min(1).max(64);

/**
 * A customer opening a request from the portal: where, which machine, what is wrong, optionally
 * the condition they recognise, and who to call. The customer is the signed-in user's own; the
 * priority and the routing are the desk's to decide, so neither is asked. Sent as JSON, or as
 * multipart/form-data with the same fields and an optional `photo` file.
 */
export const portalOpenRequestBodySchema = z
  .object({
    siteCode: code,
    assetCode: code.optional(),
    description: z.string().trim().min(1).max(4000),
    /** One of the asset's model's conditions (`GET /portal/assets/:code/conditions`). */
    conditionCode: code.optional(),
    contactName: z.string().trim().min(1).max(200).optional(),
    contactPhone: z.string().trim().min(1).max(40).optional(),
  })
  .strict();
export type PortalOpenRequestBody = z.input<typeof portalOpenRequestBodySchema>;

/** A customer's comment on their request: told to the desk, shown back to the customer. */
export const portalCommentBodySchema = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
export type PortalCommentBody = z.input<typeof portalCommentBodySchema>;

export const portalRequestListQuerySchema = z
  .object({
    /** `open`: not finished yet; `past`: completed, resolved, cancelled or declined. */
    state: z.enum(['open', 'past']).default('open'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type PortalRequestListQuery = z.input<typeof portalRequestListQuerySchema>;
