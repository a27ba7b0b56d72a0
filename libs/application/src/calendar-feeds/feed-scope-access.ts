import type { CalendarFeedScope, Principal, Technician } from '@fieldstream/domain';
import type { ReadStore } from '@fieldstream/read-store';
import { loadBoardTechnicians } from '../dispatch/board-technicians';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../errors';
import type { MasterDataService } from '../master-data/master-data.service';
import { recordOf } from '../service-requests/queries/master-data-names';
import { DEFAULT_TIME_ZONE } from '../service-requests/queries/wording-vocabulary';

/** The people a feed shows, with the zone each one's agenda is read in. */
export interface FeedTechnician {
  code: string;
  name: string;
  timeZone: string;
}

/** A scope the owner may subscribe to, as it stands now. */
export interface ResolvedFeedScope {
  scope: CalendarFeedScope;
  /** The technician's or unit's name. */
  name: string;
  /** The zone the calendar is mostly read in: the technician's own, the unit's. */
  timeZone: string;
  technicians: FeedTechnician[];
}

/** Who plans technicians' work and so may follow a team: the desk, its managers, administrators. */
const PLANNERS: ReadonlySet<Principal['role']> = new Set(['admin', 'dispatcher', 'manager']);

const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/** A code the owner does not reach reads as one that does not exist, naming the field. */
function unknownScope(scope: CalendarFeedScope): FieldValidationError {
  const message = `There is no ${scope.kind} ${scope.code}`;
  return new FieldValidationError(message, [{ field: 'scope.code', code: 'unknown_reference', message }]);
}

async function orUnknown<T>(scope: CalendarFeedScope, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError) throw unknownScope(scope);
    throw error;
  }
}

/**
 * Whether `principal` may subscribe to `scope`, and whom it covers: a technician their own agenda
 * only; the desk, managers and administrators a technician or a unit they reach, as master data
 * judges it (a unit's feed holds the technicians of the unit and of the units below it, as the
 * dispatch board's rows for that unit). Judged at creation and again at every fetch, so a feed
 * whose owner moved to another centre, lost the role or was disabled stops answering.
 */
export async function resolveFeedScope(
  reads: ReadStore,
  masterData: MasterDataService,
  principal: Principal,
  scope: CalendarFeedScope,
): Promise<ResolvedFeedScope> {
  if (principal.kind !== 'user')
    throw new ForbiddenError('Calendar feeds belong to people; a machine reads the agendas through the API');
  if (principal.role === 'technician') {
    if (scope.kind !== 'technician' || scope.code !== principal.technicianCode)
      throw new ForbiddenError("A technician subscribes to their own agenda, not to another's or a team's");
  } else if (!PLANNERS.has(principal.role)) {
    throw new ForbiddenError(`A ${principal.role} has no agenda to subscribe to`);
  }

  if (scope.kind === 'technician') {
    const document = await orUnknown(scope, () => masterData.get(principal, 'technicians', scope.code));
    const technician = document.record as unknown as Technician;
    const calendar = technician.calendarCode
      ? await recordOf<{ timeZone?: string }>(reads, 'calendar', technician.calendarCode)
      : null;
    const unit = await recordOf<{ timeZone?: string }>(reads, 'unit', technician.unitCode);
    const timeZone = calendar?.record.timeZone ?? unit?.record.timeZone ?? DEFAULT_TIME_ZONE;
    const name = stringOr(technician.name, scope.code);
    return { scope, name, timeZone, technicians: [{ code: scope.code, name, timeZone }] };
  }

  const unit = await orUnknown(scope, () => masterData.get(principal, 'units', scope.code));
  const rows = await loadBoardTechnicians(reads, masterData, principal, { unitCode: scope.code });
  return {
    scope,
    name: stringOr(unit.record['name'], scope.code),
    timeZone: stringOr(unit.record['timeZone'], DEFAULT_TIME_ZONE),
    technicians: rows.map((row) => ({ code: row.code, name: row.name, timeZone: row.timeZone })),
  };
}
