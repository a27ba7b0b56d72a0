import {
  type Booking,
  type CalendarLayer,
  type MasterDataKindName,
  type Principal,
  type ProposalCandidate,
  type Technician,
  heldSkills,
  serviceRequestReference,
} from '@fieldstream/domain';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  STOCK_LEVELS_COLLECTION,
  type ServiceRequestDocument,
  type StockLevelDocument,
  TECHNICIAN_AGENDA_COLLECTION,
  type TechnicianAgendaDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { scopeListFilter } from '../access/scope-filter';
import { visibleScope } from '../access/visible-scope';
import { calendarLayerOf } from '../availability/calendar-layers';
import { unitHoursLayer } from '../availability/unit-hours-layer';

/** A proposal's candidates and what the answer needs to know of them beyond the domain's view. */
export interface DispatchCandidates {
  candidates: ProposalCandidate[];
  unitOf: ReadonlyMap<string, string>;
}

const all = <T extends MasterDataDocument>(reads: ReadStore, kind: MasterDataKindName) =>
  reads
    .collection<T>(masterDataCollection(kind))
    .find({ status: 'active' }, { projection: { searchTerms: 0 } });

/**
 * Every active technician the principal reaches, as the proposal sees them: skills from roles and
 * personal entries, the zones they serve and their neighbours, the layers of their calendar (the
 * nearest unit up the structure with a calendar, else the unit's public holidays; their own
 * calendar), their bookings over the window (suspended ones hold no time; the request being planned
 * does not stand in its own way), their van and their unit's warehouses.
 *
 * Read in one query per collection whatever the number of technicians: a unit's layer object is
 * built once and shared, which the proposal's per-layer memo relies on.
 */
export async function loadDispatchCandidates(
  reads: ReadStore,
  principal: Principal,
  window: { from: string; to: string },
  /** The request being planned (its own appointments are not in its way), and the items it needs. */
  job: { requestId?: string; itemCodes: readonly string[] },
): Promise<DispatchCandidates> {
  const planningRequestId = job.requestId;
  const visible = await visibleScope(reads, principal);
  const technicianFilter = scopeListFilter(principal, visible);
  const [technicians, roles, skills, zones, units, calendars, warehouses] = await Promise.all([
    reads
      .collection<MasterDataDocument>(masterDataCollection('technician'))
      .find(technicianFilter ? { $and: [{ status: 'active' }, technicianFilter] } : { status: 'active' }, {
        projection: { searchTerms: 0 },
      }),
    all(reads, 'professional-role'),
    all(reads, 'skill'),
    all(reads, 'zone'),
    all(reads, 'unit'),
    all(reads, 'calendar'),
    all(reads, 'warehouse'),
  ]);
  const codes = technicians.map((technician) => technician.code);
  const [agenda, stock] = await Promise.all([
    codes.length === 0
      ? []
      : reads
          .collection<TechnicianAgendaDocument>(TECHNICIAN_AGENDA_COLLECTION)
          .find({ technicianCode: { $in: codes }, start: { $lt: window.to }, end: { $gt: window.from } }),
    // Only the items the job needs: the stock of every item in every van is not the question.
    job.itemCodes.length === 0
      ? []
      : reads
          .collection<StockLevelDocument>(STOCK_LEVELS_COLLECTION)
          .find({ itemCode: { $in: [...job.itemCodes] }, available: { $gt: 0 } }),
  ]);
  const bookedSites = [...new Set(agenda.map((appointment) => appointment.requestId))];
  const requestSites = await siteLocationsOfRequests(reads, bookedSites);

  const roleSkills = new Map(roles.map((role) => [role.code, (role.record['skillCodes'] as string[]) ?? []]));
  const certified = new Set(
    skills.filter((skill) => skill.record['certified'] === true).map((skill) => skill.code),
  );
  const zonesOfUnit = groupBy(zones, (zone) => String(zone.record['unitCode']));
  const neighboursOf = new Map(
    zones.map((zone) => [zone.code, (zone.record['neighbourCodes'] as string[]) ?? []]),
  );
  const calendarsByCode = new Map(calendars.map((calendar) => [calendar.code, calendar]));
  // One layer object per unit, shared by its technicians (the proposal works each layer out once).
  const unitsByCode = new Map(units.map((unit) => [unit.code, unit]));
  const unitLookup = {
    unit: (code: string) => unitsByCode.get(code),
    calendar: (code: string) => calendarsByCode.get(code),
  };
  const unitLayerOf = new Map(
    await Promise.all(
      [...new Set(technicians.map((technician) => String(technician.record['unitCode'])))].map(
        async (unitCode) => [unitCode, (await unitHoursLayer(unitCode, unitLookup))?.layer] as const,
      ),
    ),
  );
  const stockBy = groupBy(stock, (level) => level.warehouseCode);
  const onHandOf = (warehouseCode: string) =>
    new Map((stockBy.get(warehouseCode) ?? []).map((level) => [level.itemCode, level.available]));
  const bookingsOf = groupBy(
    dedupeAppointments(agenda).filter(
      (appointment) => appointment.status !== 'suspended' && appointment.requestId !== planningRequestId,
    ),
    (appointment) => appointment.technicianCode,
  );

  const unitOf = new Map<string, string>();
  const candidates = technicians.map((document): ProposalCandidate => {
    const technician = document.record as unknown as Technician;
    unitOf.set(document.code, technician.unitCode);
    const served = new Set(
      technician.zoneCodes.length > 0
        ? technician.zoneCodes
        : (zonesOfUnit.get(technician.unitCode) ?? []).map((zone) => zone.code),
    );
    const neighbours = new Set(
      [...served].flatMap((zone) => neighboursOf.get(zone) ?? []).filter((z) => !served.has(z)),
    );
    const layers: CalendarLayer[] = [];
    const unitLayer = unitLayerOf.get(technician.unitCode);
    if (unitLayer) layers.push(unitLayer);
    const own = technician.calendarCode ? calendarsByCode.get(technician.calendarCode) : undefined;
    if (own) layers.push(calendarLayerOf(`${technician.name}: ${String(own.record['name'])}`, own.record));
    const van = warehouses.find(
      (warehouse) =>
        warehouse.record['type'] === 'van' && warehouse.record['technicianCode'] === document.code,
    );
    return {
      technicianCode: document.code,
      name: technician.name,
      active: technician.active !== false,
      skills: heldSkills(
        technician.roleCodes.flatMap((role) => roleSkills.get(role) ?? []),
        technician.skills,
        certified,
      ),
      servedZones: served,
      neighbourZones: neighbours,
      layers,
      bookings: (bookingsOf.get(document.code) ?? []).map((appointment): Booking => {
        const site = requestSites.get(appointment.requestId);
        return {
          id: appointment.appointmentId,
          from: Date.parse(appointment.start),
          to: Date.parse(appointment.end),
          label: `${serviceRequestReference(appointment.requestId)}${site?.name ? ` · ${site.name}` : ''}`,
          requestId: appointment.requestId,
          ...(site?.location && { location: site.location }),
        };
      }),
      van: van ? onHandOf(van.code) : new Map(),
      warehouses: warehouses
        .filter(
          (warehouse) =>
            warehouse.record['type'] === 'warehouse' && warehouse.record['unitCode'] === technician.unitCode,
        )
        .map((warehouse) => ({ code: warehouse.code, onHand: onHandOf(warehouse.code) })),
    };
  });
  return { candidates, unitOf };
}

/** One document per appointment (a booking spanning two weeks is stored twice). */
function dedupeAppointments(agenda: readonly TechnicianAgendaDocument[]): TechnicianAgendaDocument[] {
  return [...new Map(agenda.map((appointment) => [appointment.appointmentId, appointment])).values()];
}

/** Where each booked request's site is, and its name: the drive between appointments needs it. */
async function siteLocationsOfRequests(
  reads: ReadStore,
  requestIds: readonly string[],
): Promise<Map<string, { name?: string; location?: { lat: number; lon: number } }>> {
  if (requestIds.length === 0) return new Map();
  const requests = await reads
    .collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION)
    .find({ _id: { $in: [...requestIds] } }, { projection: { _id: 1, siteCode: 1 } });
  const siteCodes = [...new Set(requests.map((request) => request.siteCode))];
  const sites = await reads
    .collection<MasterDataDocument>(masterDataCollection('site'))
    .find({ _id: { $in: siteCodes } }, { projection: { _id: 1, 'record.name': 1, 'record.location': 1 } });
  const siteBy = new Map(sites.map((site) => [site._id, site.record]));
  return new Map(
    requests.map((request) => {
      const site = siteBy.get(request.siteCode);
      const location = site?.['location'] as { lat: number; lon: number } | undefined;
      return [
        request._id,
        {
          ...(typeof site?.['name'] === 'string' && { name: site['name'] }),
          ...(location && { location }),
        },
      ];
    }),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
