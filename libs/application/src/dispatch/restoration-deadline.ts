import { type Calendar, type Contract, afterServiceMinutes } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { calendarLayerOf } from '../availability/calendar-layers';
import { type CandidateContract, coveringContract } from '../service-requests/queries/contract-coverage';

/**
 * When service must be restored by (epoch ms): the covering contract's restoration time for the
 * priority, counted in its service calendar's hours from the opening. Undefined without a contract
 * or a service level for that priority.
 */
export async function restorationDeadline(
  reads: ReadStore,
  covered: { customerCode: string; siteCode: string; assetCode?: string | undefined },
  priority: string,
  openedAt: string,
  timeZone: string,
): Promise<number | undefined> {
  const contracts = await reads
    .collection<MasterDataDocument>(masterDataCollection('contract'))
    .find({ 'record.customerCode': covered.customerCode }, { projection: { searchTerms: 0 } });
  const contract = coveringContract(
    contracts.map((c): CandidateContract => ({
      code: c.code,
      status: c.status,
      record: c.record as unknown as Contract,
    })),
    {
      customerCode: covered.customerCode,
      siteCode: covered.siteCode,
      ...(covered.assetCode !== undefined && { assetCode: covered.assetCode }),
      day: new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(openedAt)),
    },
  );
  const level = contract?.record.serviceLevels.find((candidate) => candidate.priority === priority);
  if (!contract || !level) return undefined;
  const calendar = await reads
    .collection<MasterDataDocument>(masterDataCollection('calendar'))
    .get(contract.record.serviceCalendarCode);
  const layers =
    calendar && calendar.status === 'active'
      ? [calendarLayerOf(contract.record.name, calendar.record as unknown as Calendar as never)]
      : [];
  return afterServiceMinutes(layers, Date.parse(openedAt), level.restorationMinutes);
}
