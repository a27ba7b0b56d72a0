export * from './calendar-layer';
export * from './availability-queries';
export { closingHolidays, type ClosingHoliday } from './public-holidays';
