export * from './calendar-layer';
export * from './availability-queries';
export { closingHolidays, type ClosingHoliday } from './public-holidays';
export { layerOpenIntervals, type LabelledInterval, type LayerOpenIntervals } from './layer-open-intervals';
