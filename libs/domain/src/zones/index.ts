export type { ZoneArea, ZoneMatch, ZoneProblem, ZoneQuery } from './zone-area';
export { validateZoneGeometry } from './zone-geometry-validation';
export { resolveZone } from './zone-resolution';
export { neighbourGraph, neighbourZones } from './zone-neighbours';
export { geometryArea } from './zone-measures';
