export * from './calendar-layer';
export * from './availability-queries';
export * from './service-minutes';
export { closingHolidays, type ClosingHoliday } from './public-holidays';
export { layerOpenIntervals, type LabelledInterval, type LayerOpenIntervals } from './layer-open-intervals';
export {
  type EpochInterval,
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
  firstUncovered,
} from './epoch-intervals';
