/**
 * The service request's state machine, as data: the states, and for each command the states that
 * allow it and the states it may lead to. The decider refuses a command from any other state with
 * `illegal_transition`, quoting this table; the property test checks every decision lands in `to`.
 * Who may issue a command (dispatcher, technician, customer) is the application's business.
 */
export const SERVICE_REQUEST_STATES = [
  'open',
  'accepted',
  'assigned',
  'in-progress',
  'suspended',
  'closed',
  'cancelled',
  'rejected',
  'resolved-remotely',
] as const;

export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATES)[number];

/** A stream with no event yet: only `open` applies to it. */
export type ServiceRequestStatusOrNone = ServiceRequestStatus | 'none';

/** States in which no work remains: only notes (and reopen, for closed ones) apply. */
export const FINAL_STATES: readonly ServiceRequestStatus[] = [
  'closed',
  'cancelled',
  'rejected',
  'resolved-remotely',
];

const LIVE: readonly ServiceRequestStatus[] = ['open', 'accepted', 'assigned', 'in-progress', 'suspended'];

export interface Transition {
  readonly from: readonly ServiceRequestStatusOrNone[];
  readonly to: readonly ServiceRequestStatus[];
}

export const SERVICE_REQUEST_TRANSITIONS = {
  open: { from: ['none'], to: ['open', 'accepted'] },
  accept: { from: ['open'], to: ['accepted'] },
  reject: { from: ['open'], to: ['rejected'] },
  attachCondition: { from: LIVE, to: LIVE },
  detachCondition: { from: LIVE, to: LIVE },
  recordRemoteCheck: { from: ['open', 'accepted', 'assigned'], to: ['resolved-remotely'] },
  // Assigning again while assigned adds technicians to the planned intervention.
  assign: { from: ['accepted', 'assigned'], to: ['assigned'] },
  reschedule: { from: ['assigned'], to: ['assigned'] },
  // The last assignment removed puts the request back in dispatch.
  unassign: { from: ['assigned'], to: ['assigned', 'accepted'] },
  suspend: { from: ['accepted', 'assigned', 'in-progress'], to: ['suspended'] },
  // Resume returns to the state the request was suspended from.
  resume: { from: ['suspended'], to: ['accepted', 'assigned', 'in-progress'] },
  cancel: { from: ['open', 'accepted', 'assigned', 'suspended'], to: ['cancelled'] },
  renounce: { from: ['assigned'], to: ['assigned', 'accepted'] },
  // A technician sets out for the site: the customer is told, and some contracts count it as the response.
  setOut: { from: ['assigned'], to: ['assigned'] },
  // A second technician of a synchronized intervention arrives while work is already in progress.
  startWork: { from: ['assigned', 'in-progress'], to: ['in-progress'] },
  addConditionFound: { from: ['in-progress'], to: ['in-progress'] },
  addNote: { from: SERVICE_REQUEST_STATES, to: SERVICE_REQUEST_STATES },
  // A device's clearing may come after the request closed: it confirms the fix.
  recordDeviceSignal: { from: SERVICE_REQUEST_STATES, to: SERVICE_REQUEST_STATES },
  openFollowUp: { from: ['in-progress', 'closed'], to: ['in-progress', 'closed'] },
  close: { from: ['in-progress'], to: ['closed'] },
  // A reopened request goes back to dispatch, its old assignments gone.
  reopen: { from: ['closed', 'resolved-remotely'], to: ['accepted'] },
} as const satisfies Record<string, Transition>;

export type ServiceRequestCommandType = keyof typeof SERVICE_REQUEST_TRANSITIONS;

export const SERVICE_REQUEST_COMMAND_TYPES = Object.keys(
  SERVICE_REQUEST_TRANSITIONS,
) as ServiceRequestCommandType[];

/** Commands only the system issues (a device's signals, through its saga): never offered to people. */
export const SYSTEM_ONLY_COMMANDS: ReadonlySet<ServiceRequestCommandType> = new Set(['recordDeviceSignal']);

/** The commands a request in `state` accepts, in table order (for messages and for screens). */
export function allowedCommands(state: ServiceRequestStatusOrNone): ServiceRequestCommandType[] {
  return SERVICE_REQUEST_COMMAND_TYPES.filter((type) =>
    (SERVICE_REQUEST_TRANSITIONS[type].from as readonly string[]).includes(state),
  );
}

export function isAllowed(command: ServiceRequestCommandType, state: ServiceRequestStatusOrNone): boolean {
  return (SERVICE_REQUEST_TRANSITIONS[command].from as readonly string[]).includes(state);
}
