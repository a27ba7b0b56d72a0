import type { DeskCommand } from '../types/desk-command';

/** The commands answered by a small form of plain fields; assign and reschedule have their own dialogs. */
export type FormCommand = Exclude<DeskCommand, 'assign' | 'reschedule'>;

export type CommandFieldType =
  | 'text'
  | 'textarea'
  | 'dateTime'
  /** A condition of the catalogue, searched. */
  | 'condition'
  /** Several conditions of the catalogue. */
  | 'conditions'
  /** One of the request's own conditions. */
  | 'requestCondition'
  /** One of the request's assigned technicians. */
  | 'assignment'
  | 'priority'
  /** One of the organisation's suspension reasons (those a contract names pause its SLA clocks). */
  | 'suspensionReason';

export interface CommandField {
  /** The body member (or path parameter) it fills; also how the API names it in field errors. */
  name: string;
  type: CommandFieldType;
  required: boolean;
}

const field = (name: string, type: CommandFieldType, required = false): CommandField => ({
  name,
  type,
  required,
});

/** Each form command's fields, following the wire contract's bodies (`service-request-bodies.ts`). */
export const COMMAND_FIELDS: Record<FormCommand, readonly CommandField[]> = {
  accept: [field('note', 'textarea')],
  reject: [field('diagnosis', 'textarea', true)],
  attachCondition: [field('conditionCode', 'condition', true)],
  detachCondition: [field('conditionCode', 'requestCondition', true)],
  recordRemoteCheck: [field('resolution', 'textarea', true)],
  unassign: [field('technicianCode', 'assignment', true), field('reason', 'text')],
  suspend: [
    field('reasonCode', 'suspensionReason'),
    field('reason', 'text', true),
    field('until', 'dateTime'),
  ],
  resume: [],
  addNote: [field('text', 'textarea', true)],
  openFollowUp: [
    field('reason', 'text', true),
    field('description', 'textarea', true),
    field('priority', 'priority'),
    field('conditionCodes', 'conditions'),
  ],
  reopen: [field('reason', 'text', true)],
  cancel: [field('reason', 'text', true)],
};
