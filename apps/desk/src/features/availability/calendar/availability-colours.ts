/** One colour per meaning, shared by the calendar and its legend. */
export const AVAILABILITY_COLOURS = {
  open: '#c6f0d4',
  closure: '#c92a2a',
  holiday: '#e67700',
  technicianAvailable: '#1864ab',
  siteAvailable: '#087f5b',
  both: '#5f3dc4',
} as const;

export type AvailabilityMeaning = keyof typeof AVAILABILITY_COLOURS;
