/** The list shows today and the next 14 days. */
export const AGENDA_LIST_DAYS = 15;
