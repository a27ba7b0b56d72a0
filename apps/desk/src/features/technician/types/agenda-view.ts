/** How the agenda is shown: the list of the coming days, or a calendar of a day, week or month. */
export const AGENDA_VIEWS = ['list', 'day', 'week', 'month'] as const;
export type AgendaView = (typeof AGENDA_VIEWS)[number];
export type CalendarView = Exclude<AgendaView, 'list'>;
