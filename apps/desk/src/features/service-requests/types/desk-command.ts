/**
 * The request commands the desk offers, in the order their buttons appear (the usual next step
 * first, the destructive ones last). Names are the decider's, as `allowedCommands` lists them;
 * technician-only commands (start work, close, renounce, conditions found) live in the technician's
 * app.
 */
export const DESK_COMMANDS = [
  'accept',
  'assign',
  'reschedule',
  'unassign',
  'attachCondition',
  'detachCondition',
  'recordRemoteCheck',
  'suspend',
  'resume',
  'addNote',
  'openFollowUp',
  'reopen',
  'reject',
  'cancel',
] as const;

export type DeskCommand = (typeof DESK_COMMANDS)[number];
