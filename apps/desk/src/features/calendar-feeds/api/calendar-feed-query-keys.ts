/** Query keys of the calendar feeds: only the owner's list is cached (a URL never is). */
export const calendarFeedKeys = {
  mine: () => ['calendar-feeds', 'mine'] as const,
};
