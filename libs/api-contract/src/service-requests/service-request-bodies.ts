import { z } from 'zod';

/**
 * What clients send to the service-request commands, validated at the API's edge and typed in
 * the SPA's forms. The domain restates the enumerations (it may not import the wire contract's
 * neighbours' types); `service-request-contract.spec.ts` in the application keeps both equal.
 */
export const SERVICE_REQUEST_SOURCE_VALUES = ['desk', 'portal', 'preventive', 'device', 'external'] as const;
export const SERVICE_REQUEST_PRIORITY_VALUES = ['critical', 'high', 'normal', 'low'] as const;
export const SERVICE_REQUEST_STATUS_VALUES = [
  'open',
  'accepted',
  'assigned',
  'in-progress',
  'suspended',
  'closed',
  'resolved-remotely',
  'cancelled',
  'rejected',
] as const;

export const serviceRequestSourceSchema = z.enum(SERVICE_REQUEST_SOURCE_VALUES);
export const serviceRequestPrioritySchema = z.enum(SERVICE_REQUEST_PRIORITY_VALUES);
export const serviceRequestStatusSchema = z.enum(SERVICE_REQUEST_STATUS_VALUES);
export type ServiceRequestSourceValue = z.infer<typeof serviceRequestSourceSchema>;
export type ServiceRequestPriorityValue = z.infer<typeof serviceRequestPrioritySchema>;
export type ServiceRequestStatusValue = z.infer<typeof serviceRequestStatusSchema>;

const code = z.string().trim().min(1).max(64);
const shortText = z.string().trim().min(1).max(500);
const longText = z.string().trim().min(1).max(4000);
/** An instant with its zone (`Z` or an offset): a time without a zone means nothing to a technician elsewhere. */
const instant = z.iso.datetime({ offset: true });
const minutes = z.number().int().min(0).max(100_000);

export const contactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
});

export const openServiceRequestBodySchema = z.object({
  /** Defaults to the caller's channel: desk for people, external for integrations. */
  source: serviceRequestSourceSchema.optional(),
  customerCode: code,
  siteCode: code,
  assetCode: code.optional(),
  description: longText,
  priority: serviceRequestPrioritySchema.default('normal'),
  conditionCodes: z.array(code).max(50).default([]),
  contact: contactSchema.optional(),
  /** The caller's own reference; opening twice with it opens one request. */
  externalReference: z.string().trim().min(1).max(200).optional(),
});
export type OpenServiceRequestBody = z.input<typeof openServiceRequestBodySchema>;

export const acceptBodySchema = z.object({ note: z.string().trim().max(4000).optional() });
export const rejectBodySchema = z.object({ diagnosis: longText });
export const conditionBodySchema = z.object({ conditionCode: code });
export const remoteCheckBodySchema = z.object({ resolution: longText });

export const plannedSlotSchema = z.object({
  technicianCode: code,
  start: instant,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});

/** An emergency names every appointment it pushes aside and what happens to it. */
export const displaceSchema = z.object({
  appointmentId: z.string().min(1).max(100),
  action: z.enum(['suspend', 'remove']),
});

export const assignBodySchema = z.object({
  /** Several technicians with the same start make a synchronized intervention. */
  assignments: z.array(plannedSlotSchema).min(1).max(10),
  displace: z.array(displaceSchema).max(50).default([]),
});
export type AssignBody = z.input<typeof assignBodySchema>;

export const rescheduleBodySchema = z.object({
  start: instant,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  reason: z.string().trim().max(500).optional(),
  displace: z.array(displaceSchema).max(50).default([]),
});
export type RescheduleBody = z.input<typeof rescheduleBodySchema>;

export const reasonBodySchema = z.object({ reason: shortText });
export const optionalReasonBodySchema = z.object({ reason: z.string().trim().max(500).optional() });
export const suspendBodySchema = z.object({
  reason: shortText,
  /** One of the organisation's suspension reasons; the contract says which pause SLA clocks. */
  reasonCode: z.string().min(1).max(64).optional(),
  until: instant.optional(),
});

export const renounceBodySchema = z.object({
  /** One of the organisation's renounce reasons (parameter `renounceReasons`). */
  reasonCode: code,
  text: longText,
  /** Only an administrator or dispatcher acting for a technician names one; a technician renounces for themselves. */
  technicianCode: code.optional(),
});

export const technicianActionBodySchema = z.object({ technicianCode: code.optional() });
/** A technician setting out, with the minutes they expect the drive to take (told to the customer). */
export const setOutBodySchema = z.object({
  technicianCode: code.optional(),
  etaMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
});
export const conditionFoundBodySchema = z.object({ conditionCode: code, technicianCode: code.optional() });
export const noteBodySchema = z.object({ text: longText });

export const followUpBodySchema = z.object({
  reason: shortText,
  description: longText,
  priority: serviceRequestPrioritySchema.optional(),
  conditionCodes: z.array(code).max(50).default([]),
});

export const materialLineSchema = z.object({
  itemCode: code,
  quantity: z.number().positive().max(1_000_000),
  /** The warehouse or van the material was taken from: its stock is issued on closing. */
  warehouseCode: code,
});

export const closeBodySchema = z.object({
  labourMinutes: minutes,
  travelMinutes: minutes,
  travelKm: z.number().min(0).max(100_000),
  materials: z.array(materialLineSchema).max(200).default([]),
  correctiveActions: z.array(shortText).max(50).default([]),
  resolution: longText,
});
export type CloseBody = z.input<typeof closeBodySchema>;

export const reopenBodySchema = z.object({ reason: shortText });

export const serviceRequestListQuerySchema = z.object({
  status: z.union([serviceRequestStatusSchema, z.array(serviceRequestStatusSchema)]).optional(),
  zoneCode: code.optional(),
  /** The service centre (unit) the request's zone belongs to. */
  unitCode: code.optional(),
  priority: z.union([serviceRequestPrioritySchema, z.array(serviceRequestPrioritySchema)]).optional(),
  source: serviceRequestSourceSchema.optional(),
  customerCode: code.optional(),
  siteCode: code.optional(),
  assetCode: code.optional(),
  technicianCode: code.optional(),
  /** Words in the description, the customer's, site's or asset's code, the reference. */
  q: z.string().trim().max(200).optional(),
  sort: z
    .enum(['priority', 'openedAt', '-openedAt', 'updatedAt', '-updatedAt', 'plannedStart'])
    .default('priority'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ServiceRequestListQuery = z.input<typeof serviceRequestListQuerySchema>;

export const agendaQuerySchema = z
  .object({ from: instant, to: instant })
  .refine((range) => Date.parse(range.from) < Date.parse(range.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 62 * 86_400_000, {
    message: 'an agenda covers at most 62 days',
    path: ['to'],
  });
