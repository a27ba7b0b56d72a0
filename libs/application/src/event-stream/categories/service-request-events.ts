import {
  SERVICE_REQUEST_PRIORITIES,
  SERVICE_REQUEST_SOURCES,
  SERVICE_REQUEST_STATES,
  type ServiceRequestEvent,
} from '@fieldstream/domain';
import { z } from 'zod';
import { publishedTypes } from '../published-event-type';
import { code, instant, minutes, requestFact } from './payload-fields';

const status = z.enum(SERVICE_REQUEST_STATES);

const assignment = z.object({
  technicianCode: code,
  appointmentId: z
    .string()
    .optional()
    .meta({ description: "The booking in the technician's schedule holding this slot." }),
  start: instant,
  durationMinutes: minutes,
  end: instant,
});

const actuals = {
  labourMinutes: minutes,
  travelMinutes: minutes,
  travelKm: z.number().min(0),
  materials: z.array(z.object({ itemCode: code, quantity: z.number(), warehouseCode: code })),
  correctiveActions: z.array(z.string()),
  resolution: z.string(),
};

const REQUEST = 'f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607';
const AT = '2026-12-01T08:40:00.000Z';
const SLOT = {
  technicianCode: 'T-MI-1',
  appointmentId: '0d6c1e9a-2b3f-4c5d-8e7f-9a0b1c2d3e4f',
  start: '2026-12-01T09:00:00.000Z',
  durationMinutes: 120,
  end: '2026-12-01T11:00:00.000Z',
};

/** A request's life: `service-request-<requestId>` streams. */
export const SERVICE_REQUEST_EVENTS = publishedTypes<ServiceRequestEvent>(
  'service-requests',
  { streamPrefix: 'service-request-', entity: 'service-request', typePrefix: 'ServiceRequest' },
  {
    ServiceRequestOpened: {
      summary:
        'A request was opened (at the desk, on the portal, by a device, a preventive plan or an outside system), routed to the zone and service centre of its site.',
      payload: z.object({
        ...requestFact,
        source: z.enum(SERVICE_REQUEST_SOURCES),
        customerCode: code,
        siteCode: code,
        assetCode: code.optional(),
        description: z.string(),
        priority: z.enum(SERVICE_REQUEST_PRIORITIES),
        conditionCodes: z.array(code),
        contact: z.object({
          name: z.string(),
          phone: z.string().optional(),
          email: z.string().optional(),
        }),
        externalReference: z.string().optional(),
        zoneCode: code.optional(),
        unitCode: code.optional(),
        followUpOf: z.string().optional().meta({ description: 'The request this one follows up.' }),
        explicitAcceptance: z
          .boolean()
          .meta({ description: 'False when the organisation accepts requests on arrival.' }),
      }),
      example: {
        requestId: REQUEST,
        at: '2026-12-01T07:55:00.000Z',
        source: 'desk',
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        assetCode: 'SN-ACME-1',
        description: 'The boiler does not start; error E04 on the display.',
        priority: 'high',
        conditionCodes: [],
        contact: { name: 'Anna Verdi', phone: '+39 02 1234567', email: 'anna.verdi@acme.example' },
        externalReference: 'ERP-2026-0042',
        zoneCode: 'Z-MI',
        unitCode: 'MI',
        explicitAcceptance: true,
      },
    },
    ServiceRequestAccepted: {
      summary: 'The desk accepted the request (or it was accepted on arrival: `automatic`).',
      payload: z.object({ ...requestFact, automatic: z.boolean(), note: z.string().optional() }),
      example: { requestId: REQUEST, at: AT, automatic: false, note: 'Customer called twice' },
    },
    ServiceRequestRejected: {
      summary: 'The desk rejected the request, saying why.',
      payload: z.object({ ...requestFact, diagnosis: z.string() }),
      example: { requestId: REQUEST, at: AT, diagnosis: 'Not covered: the boiler is a third party’s.' },
    },
    ServiceRequestConditionAttached: {
      summary: 'A condition (a known fault or situation) was attached, by the desk or found on site.',
      payload: z.object({
        ...requestFact,
        conditionCode: code,
        foundOnSite: z.boolean(),
        technicianCode: code.optional(),
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        conditionCode: 'GAS-LEAK',
        foundOnSite: true,
        technicianCode: 'T-MI-1',
      },
    },
    ServiceRequestConditionDetached: {
      summary: 'A condition was detached from the request.',
      payload: z.object({ ...requestFact, conditionCode: code }),
      example: { requestId: REQUEST, at: AT, conditionCode: 'GAS-LEAK' },
    },
    ServiceRequestRemotelyResolved: {
      summary: 'Resolved without a visit; any planned slots were released.',
      payload: z.object({ ...requestFact, resolution: z.string(), releasedAssignments: z.array(assignment) }),
      example: {
        requestId: REQUEST,
        at: AT,
        resolution: 'Reset over the phone',
        releasedAssignments: [SLOT],
      },
    },
    ServiceRequestTechniciansAssigned: {
      summary:
        'Technicians were planned, each with a slot; several with one start make a synchronized intervention.',
      payload: z.object({ ...requestFact, assignments: z.array(assignment), synchronized: z.boolean() }),
      example: { requestId: REQUEST, at: AT, assignments: [SLOT], synchronized: false },
    },
    ServiceRequestRescheduled: {
      summary: "A technician's slot moved.",
      payload: z.object({
        ...requestFact,
        technicianCode: code,
        previous: assignment,
        assignment,
        reason: z.string().optional(),
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        technicianCode: 'T-MI-1',
        previous: SLOT,
        assignment: { ...SLOT, start: '2026-12-02T09:00:00.000Z', end: '2026-12-02T11:00:00.000Z' },
        reason: 'Customer away',
      },
    },
    ServiceRequestUnassigned: {
      summary: 'A technician was taken off the request; `backToDispatch` when nobody is left on it.',
      payload: z.object({
        ...requestFact,
        assignment,
        reason: z.string().optional(),
        backToDispatch: z.boolean(),
      }),
      example: { requestId: REQUEST, at: AT, assignment: SLOT, reason: 'Sick leave', backToDispatch: true },
    },
    ServiceRequestSuspended: {
      summary: 'The request was put on hold, from the state it was in.',
      payload: z.object({
        ...requestFact,
        reason: z.string(),
        reasonCode: z.string().optional(),
        until: instant.optional(),
        from: status,
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        reason: 'Waiting for parts',
        reasonCode: 'waiting-parts',
        until: '2026-12-04T08:00:00.000Z',
        from: 'assigned',
      },
    },
    ServiceRequestResumed: {
      summary: 'A suspended request resumed, back to the state it was in.',
      payload: z.object({ ...requestFact, to: status }),
      example: { requestId: REQUEST, at: AT, to: 'assigned' },
    },
    ServiceRequestCancelled: {
      summary: 'The request was cancelled; its planned slots were released.',
      payload: z.object({ ...requestFact, reason: z.string(), releasedAssignments: z.array(assignment) }),
      example: { requestId: REQUEST, at: AT, reason: 'Opened twice', releasedAssignments: [SLOT] },
    },
    ServiceRequestRenounced: {
      summary: 'A technician renounced the intervention, with a reason from the organisation’s list.',
      payload: z.object({
        ...requestFact,
        technicianCode: code,
        reasonCode: z.string(),
        text: z.string(),
        assignment,
        backToDispatch: z.boolean(),
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        technicianCode: 'T-MI-1',
        reasonCode: 'no-parts',
        text: 'The part is not in the van',
        assignment: SLOT,
        backToDispatch: true,
      },
    },
    ServiceRequestTechnicianOnTheWay: {
      summary: 'A technician set out for the site, with an estimated arrival.',
      payload: z.object({ ...requestFact, technicianCode: code, etaMinutes: minutes.optional() }),
      example: { requestId: REQUEST, at: AT, technicianCode: 'T-MI-1', etaMinutes: 25 },
    },
    ServiceRequestWorkStarted: {
      summary: 'A technician started work on site.',
      payload: z.object({ ...requestFact, technicianCode: code }),
      example: { requestId: REQUEST, at: AT, technicianCode: 'T-MI-1' },
    },
    ServiceRequestNoteAdded: {
      summary: 'A note was added.',
      payload: z.object({ ...requestFact, text: z.string() }),
      example: { requestId: REQUEST, at: AT, text: 'Filter clogged with limescale.' },
    },
    ServiceRequestDeviceSignalRecorded: {
      summary:
        "What the asset's device said about the trouble the request follows: an anomaly raised, repeated or cleared, the device silent or back (`afterClosing`: a fix confirmed, or not).",
      payload: z.object({
        ...requestFact,
        assetCode: code,
        kind: z.enum(['raised', 'repeated', 'cleared', 'went-silent', 'back-online']),
        code: z.string().optional().meta({ description: "The device's anomaly code." }),
        count: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta({ description: 'Repeats counted (`repeated`), or 1.' }),
        message: z.string().optional(),
        since: instant
          .optional()
          .meta({ description: 'When the episode began (`cleared`), or the silence (`back-online`).' }),
        afterClosing: z.boolean(),
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        assetCode: 'SN-ACME-1',
        kind: 'cleared',
        code: 'E04',
        count: 1,
        message: 'Ignition restored',
        since: '2026-12-01T07:50:00.000Z',
        afterClosing: true,
      },
    },
    ServiceRequestFollowUpOpened: {
      summary: 'A follow-up request was opened from this one.',
      payload: z.object({ ...requestFact, followUpRequestId: z.string(), reason: z.string() }),
      example: {
        requestId: REQUEST,
        at: AT,
        followUpRequestId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
        reason: 'The pump must be replaced',
      },
    },
    ServiceRequestClosed: {
      summary: 'The work was done: the actuals (labour, travel, materials) beside the estimate.',
      payload: z.object({
        ...requestFact,
        estimate: z.object({ labourMinutes: minutes, technicianCodes: z.array(code) }),
        actuals: z.object(actuals),
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        estimate: { labourMinutes: 120, technicianCodes: ['T-MI-1'] },
        actuals: {
          labourMinutes: 90,
          travelMinutes: 30,
          travelKm: 12.5,
          materials: [{ itemCode: 'FILTER', quantity: 2, warehouseCode: 'VAN-T-MI-1' }],
          correctiveActions: ['Replaced the air filter'],
          resolution: 'Filter replaced; the boiler starts and holds pressure.',
        },
      },
    },
    ServiceRequestReopened: {
      summary: 'A closed request was reopened within the organisation’s window.',
      payload: z.object({
        ...requestFact,
        reason: z.string(),
        closedAt: instant,
        reopenWindowDays: z.number().int().min(0),
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        reason: 'The fault came back',
        closedAt: '2026-11-30T16:00:00.000Z',
        reopenWindowDays: 14,
      },
    },
  },
);
