export { calendarLayerToICalendar, DEFAULT_PRODUCT_ID, type CalendarExportOptions } from './icalendar-export';
export {
  calendarLayerFromICalendar,
  MAX_OCCURRENCES_PER_SERIES,
  type CalendarImportOptions,
  type CalendarImportResult,
  type CalendarImportWarning,
} from './icalendar-import';
export { canonicalCalendarLayer } from './canonical-calendar-layer';
export { vtimezoneFromIana } from './vtimezone-from-iana';
