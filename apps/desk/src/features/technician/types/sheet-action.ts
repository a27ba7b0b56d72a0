/** What the sheet offers to do, each a command on the request. */
export const SHEET_ACTIONS = [
  'onTheWay',
  'start',
  'renounce',
  'conditionFound',
  'note',
  'followUp',
  'close',
] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];
