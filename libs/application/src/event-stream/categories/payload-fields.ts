import { z } from 'zod';

/** Field shapes the payload schemas share. */

/** An ISO 8601 instant as the domain writes it (UTC `Z`, or an offset where a client gave one). */
export const instant = z.iso.datetime({ offset: true });

/** A calendar day, `YYYY-MM-DD`. */
export const day = z.iso.date();

/** A code of master data (a customer, a site, a technician...). */
export const code = z.string().min(1);

export const minutes = z.number().int().min(0);

/** Every event of a request names it and says when it happened. */
export const requestFact = {
  requestId: z
    .string()
    .meta({ description: "The request's id (its stream is `service-request-<requestId>`)." }),
  at: instant.meta({ description: 'When it happened.' }),
};
