import type { BoardTechnician } from '@fieldstream/api-contract';
import {
  type Principal,
  type Technician,
  type VisibleScope,
  heldSkills,
  isInScope,
  masterDataAccess,
} from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { unitsUnder } from '../access/units-under';
import { visibleScope } from '../access/visible-scope';
import type { MasterDataService } from '../master-data/master-data.service';
import { findInBatches } from '../read-models/find-in-batches';
import { recordsOf } from '../service-requests/queries/master-data-names';
import { DEFAULT_TIME_ZONE } from '../service-requests/queries/wording-vocabulary';

/** What narrows a board's rows, beyond the asker's own reach; all of them at once. */
export interface BoardFilters {
  unitCode?: string;
  zoneCode?: string;
  skillCode?: string;
}

const ACTIVE = { status: 'active' };
const NOWHERE: ReadonlySet<string> = new Set();
const EVERYWHERE: VisibleScope = {
  unrestricted: true,
  units: NOWHERE,
  zones: NOWHERE,
  sites: NOWHERE,
  customers: NOWHERE,
  technicians: NOWHERE,
};
const NO_SEARCH_TERMS = { projection: { searchTerms: 0 } } as const;

/** No skills are checked against a certificate here: a board shows who holds what, not who may go. */
const NO_CERTIFIED_SKILLS: ReadonlySet<string> = new Set();

const names = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The technicians a board shows, in order of name then code: those of the asker's reach (a centre's
 * desk, its technicians only) that are not retired, narrowed by the filters. A technician marked
 * inactive still has a row, shown as such: their appointments stay on the board until reassigned.
 *
 * Filter codes are read as master data reads them, so a unit, zone or skill that does not exist, or
 * lies out of the asker's reach, is the same 404 as on its own page.
 */
export async function loadBoardTechnicians(
  reads: ReadStore,
  masterData: MasterDataService,
  principal: Principal,
  filters: BoardFilters,
): Promise<BoardTechnician[]> {
  const [unit, zone, , units] = await Promise.all([
    filters.unitCode === undefined ? undefined : masterData.get(principal, 'units', filters.unitCode),
    filters.zoneCode === undefined ? undefined : masterData.get(principal, 'zones', filters.zoneCode),
    // Read only to answer 404 for a skill nobody could hold.
    filters.skillCode === undefined ? undefined : masterData.get(principal, 'skills', filters.skillCode),
    // Retired units too, as the asker's reach counts them: the tree is the tree.
    reads
      .collection<MasterDataDocument>(masterDataCollection('unit'))
      .find({}, { projection: { _id: 1, 'record.parentCode': 1, 'record.name': 1, 'record.timeZone': 1 } }),
  ]);

  // Reach as master data judges it: an administrator reads every technician, a desk its centre's.
  const visible =
    masterDataAccess(principal, 'technician', 'read') === 'all'
      ? EVERYWHERE
      : await visibleScope(reads, principal);
  // The units whose technicians may have a row: those the asker reaches, and, a zone being served
  // by its unit, those under the unit or the zone asked for. Undefined: every unit.
  let unitCodes: Set<string> | undefined = visible.unrestricted ? undefined : new Set(visible.units);
  for (const servingUnit of [unit?.code, zone?.record['unitCode']]) {
    if (typeof servingUnit !== 'string') continue;
    const under = unitsUnder(units, servingUnit);
    unitCodes = unitCodes ? new Set([...unitCodes].filter((code) => under.has(code))) : under;
  }
  const technicianCollection = reads.collection<MasterDataDocument>(masterDataCollection('technician'));
  const [read, roles] = await Promise.all([
    // Not the master-data list filter: a centre's reach spells out its every site, more values than
    // one embedded-store filter takes. The units narrow the read; isInScope below judges as ever.
    unitCodes
      ? findInBatches(technicianCollection, 'record.unitCode', [...unitCodes], ACTIVE, NO_SEARCH_TERMS)
      : technicianCollection.find(ACTIVE, NO_SEARCH_TERMS),
    reads
      .collection<MasterDataDocument>(masterDataCollection('professional-role'))
      .find(ACTIVE, { projection: { _id: 1, 'record.skillCodes': 1 } }),
  ]);
  const technicians = read.filter((document) => isInScope(principal, document.scope, visible));
  const calendars = await recordsOf(
    reads,
    'calendar',
    technicians.map((document) => (document.record as unknown as Technician).calendarCode),
  );

  const roleSkills = new Map(roles.map((role) => [role._id, (role.record['skillCodes'] as string[]) ?? []]));
  const unitsByCode = new Map(units.map((document) => [document._id, document.record]));
  const rows = technicians.map((document): BoardTechnician => {
    const technician = document.record as unknown as Technician;
    const held = heldSkills(
      technician.roleCodes.flatMap((role) => roleSkills.get(role) ?? []),
      technician.skills,
      NO_CERTIFIED_SKILLS,
    );
    const ownUnit = unitsByCode.get(technician.unitCode);
    const calendar = technician.calendarCode ? calendars.get(technician.calendarCode) : undefined;
    const calendarZone = calendar?.status === 'active' ? calendar.record['timeZone'] : undefined;
    const unitZone = ownUnit?.['timeZone'];
    return {
      code: document.code,
      name: technician.name,
      unitCode: technician.unitCode,
      ...(typeof ownUnit?.['name'] === 'string' && { unitName: ownUnit['name'] }),
      timeZone:
        typeof calendarZone === 'string'
          ? calendarZone
          : typeof unitZone === 'string'
            ? unitZone
            : DEFAULT_TIME_ZONE,
      skillCodes: [...held.keys()].sort(),
      active: technician.active !== false,
    };
  });
  return rows
    .filter((row) => filters.skillCode === undefined || row.skillCodes.includes(filters.skillCode))
    .sort((a, b) => names.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
