/**
 * The master-data filters that find the technicians of a service centre and/or a zone. A
 * technician lists the zones served first, and an empty list means "the zones of my unit": so a
 * zone's technicians are those listing it and those of the unit serving it. The list API combines
 * fields with AND only (and cannot ask for an empty list), hence one filter per alternative, their
 * answers merged; the unit's technicians who list other zones come along, for the dispatcher to judge.
 */
export function technicianFiltersFor(
  unitCode: string | null,
  zoneCode: string | null,
  zoneUnitCode: string | null,
): Record<string, string>[] {
  if (!zoneCode) return [unitCode ? { unitCode } : {}];
  const listing = { ...(unitCode ? { unitCode } : {}), zoneCodes: zoneCode };
  // Until the zone's unit is known, or when another centre was chosen, only those listing the zone.
  if (!zoneUnitCode || (unitCode && unitCode !== zoneUnitCode)) return [listing];
  return [listing, { unitCode: zoneUnitCode }];
}
