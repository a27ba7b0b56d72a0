import type { PortalContract } from '@fieldstream/api-contract';
import type { Calendar, Contract } from '@fieldstream/domain';
import type { NameIndex } from '../service-requests/queries/master-data-names';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const PRIORITY_ORDER = ['critical', 'high', 'normal', 'low'] as const;

/** A day counts as whole when its hours run from midnight to the last minute (or to 24:00). */
function wholeDay(hours: readonly { from: string; to: string }[]): boolean {
  return hours.some((h) => h.from === '00:00' && (h.to === '23:59' || h.to === '24:00'));
}

/**
 * A contract in the customer's terms: what it covers, when the clock runs (its service calendar's
 * weekly hours and public holidays), how fast the service must answer and restore per priority,
 * and how long it lasts. The desk's own settings (alarm thresholds, at-risk level, internal notes,
 * which suspensions pause the clock) stay out.
 */
export function toPortalContract(
  code: string,
  contract: Contract,
  calendar: Calendar | undefined,
  names: { sites: NameIndex; assets: NameIndex },
  today: string,
): PortalContract {
  const weekly = WEEKDAYS.flatMap((day) => {
    const hours = calendar?.weeklyHours?.[day] ?? [];
    return hours.length > 0 ? [{ day, hours: hours.map(({ from, to }) => ({ from, to })) }] : [];
  });
  // No weekly hours at all: the calendar restricts nothing, the clock always runs.
  const roundTheClock =
    calendar === undefined ||
    calendar.weeklyHours === undefined ||
    (weekly.length === 7 && weekly.every((day) => wholeDay(day.hours)));
  const named = (index: NameIndex) => (code: string) => {
    const name = index.get(code);
    return { code, ...(name !== undefined && { name }) };
  };
  return {
    code,
    name: contract.name,
    validFrom: contract.validFrom,
    validTo: contract.validTo,
    standing: today < contract.validFrom ? 'not-yet' : today > contract.validTo ? 'expired' : 'in-force',
    coverage: {
      allSites: (contract.siteCodes ?? []).length === 0,
      sites: (contract.siteCodes ?? []).map(named(names.sites)),
      allAssets: (contract.assetCodes ?? []).length === 0,
      assets: (contract.assetCodes ?? []).map(named(names.assets)),
    },
    includesLabour: contract.includesLabour ?? true,
    includesMaterials: contract.includesMaterials ?? false,
    serviceHours: {
      timeZone: calendar?.timeZone ?? 'UTC',
      roundTheClock,
      weekly: roundTheClock ? [] : weekly,
      ...(calendar?.holidays && { publicHolidays: calendar.holidays.country }),
    },
    serviceLevels: [...contract.serviceLevels]
      .sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority))
      .map(({ priority, responseMinutes, restorationMinutes }) => ({
        priority,
        responseMinutes,
        restorationMinutes,
      })),
    responseEndsOn: contract.responseEndsOn ?? 'on-site',
    ...((contract.penaltyPerHour ?? 0) > 0 && { penaltyPerHour: contract.penaltyPerHour }),
    currency: contract.currency ?? 'EUR',
  };
}
