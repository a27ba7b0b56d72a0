/**
 * Commands on a `service-request-<id>` stream. Every command carries `at` (when it happens, ISO
 * 8601): the decider reads no clock. Who issues it travels in the event metadata, not here.
 */
export const SERVICE_REQUEST_SOURCES = ['desk', 'portal', 'preventive', 'device', 'external'] as const;
export type ServiceRequestSource = (typeof SERVICE_REQUEST_SOURCES)[number];

export const SERVICE_REQUEST_PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type ServiceRequestPriority = (typeof SERVICE_REQUEST_PRIORITIES)[number];

export interface ServiceRequestContact {
  name: string;
  phone?: string;
  email?: string;
}

/** One technician's planned slot; several with the same start make a synchronized intervention. */
export interface PlannedSlot {
  technicianCode: string;
  /** The booking in the technician's schedule that holds this slot (set by the application). */
  appointmentId?: string;
  start: string;
  durationMinutes: number;
}

export interface MaterialLine {
  itemCode: string;
  quantity: number;
  warehouseCode: string;
}

export interface ServiceRequestActuals {
  labourMinutes: number;
  travelMinutes: number;
  travelKm: number;
  materials: MaterialLine[];
  correctiveActions: string[];
  resolution: string;
}

/** A device's word on a request: an anomaly raised, repeated or cleared, the device silent or back. */
export type DeviceSignalOnRequest = {
  assetCode: string;
  kind: 'raised' | 'repeated' | 'cleared' | 'went-silent' | 'back-online';
  code?: string;
  /** Repeats counted (`repeated`), or 1. */
  count?: number;
  message?: string;
  /** When the episode began (`cleared`), or the silence (`back-online`). */
  since?: string;
};

export type ServiceRequestCommand =
  | {
      type: 'open';
      requestId: string;
      at: string;
      source: ServiceRequestSource;
      customerCode: string;
      siteCode: string;
      assetCode?: string;
      description: string;
      priority: ServiceRequestPriority;
      conditionCodes: string[];
      contact: ServiceRequestContact;
      externalReference?: string;
      /** The site's zone and that zone's unit (the service centre) when the request was opened: its routing. */
      zoneCode?: string;
      unitCode?: string;
      /** The request this one follows up, when opened from another's intervention. */
      followUpOf?: string;
      /** From the organisation's parameters: when false the request is accepted on arrival. */
      explicitAcceptance: boolean;
    }
  | { type: 'accept'; at: string; note?: string }
  | { type: 'reject'; at: string; diagnosis: string }
  | { type: 'attachCondition'; at: string; conditionCode: string }
  | { type: 'detachCondition'; at: string; conditionCode: string }
  | { type: 'recordRemoteCheck'; at: string; resolution: string }
  | { type: 'assign'; at: string; assignments: PlannedSlot[] }
  | {
      type: 'reschedule';
      at: string;
      technicianCode: string;
      start: string;
      durationMinutes: number;
      /** The booking holding the new slot; the previous one's when absent. */
      appointmentId?: string;
      reason?: string;
    }
  | { type: 'unassign'; at: string; technicianCode: string; reason?: string }
  | {
      type: 'suspend';
      at: string;
      reason: string;
      /** One of the organisation's suspension reasons; contracts name those that pause SLA clocks. */
      reasonCode?: string;
      until?: string;
    }
  | { type: 'resume'; at: string }
  | { type: 'cancel'; at: string; reason: string }
  | { type: 'renounce'; at: string; technicianCode: string; reasonCode: string; text: string }
  | { type: 'setOut'; at: string; technicianCode: string; etaMinutes?: number }
  | { type: 'startWork'; at: string; technicianCode: string }
  | { type: 'addConditionFound'; at: string; technicianCode: string; conditionCode: string }
  | { type: 'addNote'; at: string; text: string }
  /** What the asset's device said about the trouble this request follows (also after closing: a fix confirmed). */
  | { type: 'recordDeviceSignal'; at: string; signal: DeviceSignalOnRequest }
  | { type: 'openFollowUp'; at: string; followUpRequestId: string; reason: string }
  | { type: 'close'; at: string; actuals: ServiceRequestActuals }
  | { type: 'reopen'; at: string; reason: string; reopenWindowDays: number };
