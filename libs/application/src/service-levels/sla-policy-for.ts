import {
  type CalendarLayer,
  type Contract,
  type ServiceRequestEvent,
  type SlaPolicy,
} from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { type CandidateContract, coveringContract } from '../service-requests/queries/contract-coverage';

type Opened = Extract<ServiceRequestEvent, { type: 'ServiceRequestOpened' }>['data'];

/** Where no site zone is known (a site removed since): the organisation's home zone. */
const FALLBACK_TIME_ZONE = 'Europe/Rome';

export type PolicyLookup = { policy: SlaPolicy } | { policy: null; reason: string };

/**
 * The promise a request opened under: its covering contract on the day it opened (in the site's
 * zone), that contract's service level for the request's priority and its thresholds, its service
 * calendar read in the site's zone. Null with the reason when no contract or level applies.
 */
export async function slaPolicyFor(reads: ReadStore, opened: Opened): Promise<PolicyLookup> {
  const site = await reads.collection<MasterDataDocument>(masterDataCollection('site')).get(opened.siteCode);
  const timeZone =
    typeof site?.record['timeZone'] === 'string' ? site.record['timeZone'] : FALLBACK_TIME_ZONE;
  const contracts = await reads
    .collection<MasterDataDocument>(masterDataCollection('contract'))
    .find({ 'record.customerCode': opened.customerCode }, { projection: { searchTerms: 0 } });
  const contract = coveringContract(
    contracts.map((c): CandidateContract => ({
      code: c.code,
      status: c.status,
      record: c.record as unknown as Contract,
    })),
    {
      customerCode: opened.customerCode,
      siteCode: opened.siteCode,
      ...(opened.assetCode !== undefined && { assetCode: opened.assetCode }),
      day: new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(opened.at)),
    },
  );
  if (!contract) return { policy: null, reason: 'No contract covers this site and asset on the opening day' };
  const terms = contract.record;
  const level = terms.serviceLevels.find((candidate) => candidate.priority === opened.priority);
  if (!level) {
    return {
      policy: null,
      reason: `Contract ${contract.code} sets no service level for ${opened.priority} priority`,
    };
  }
  return {
    policy: {
      contractCode: contract.code,
      contractName: terms.name,
      priority: opened.priority,
      responseMinutes: level.responseMinutes,
      restorationMinutes: level.restorationMinutes,
      thresholds: [...(terms.slaThresholds ?? [50, 75, 90, 100])],
      atRiskPercent: terms.slaAtRiskPercent ?? 75,
      pausingReasonCodes: [...(terms.slaPausingReasonCodes ?? ['waiting-customer'])],
      responseEndsOn: terms.responseEndsOn ?? 'on-site',
      penaltyPerHour: terms.penaltyPerHour ?? 0,
      currency: terms.currency ?? 'EUR',
      serviceCalendarCode: terms.serviceCalendarCode,
      timeZone,
    },
  };
}

export type { CalendarLayer };
