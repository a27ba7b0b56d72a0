import type { Contract } from '@fieldstream/domain';

export interface CandidateContract {
  code: string;
  status: 'active' | 'retired';
  record: Contract;
}

export interface CoveredRequest {
  customerCode: string;
  siteCode: string;
  assetCode?: string;
  /** The day the request was opened, YYYY-MM-DD in the site's zone: the contract in force then. */
  day: string;
}

/** How precisely a contract names what it covers: an asset beats a site beats "all the customer's". */
function specificity(contract: Contract, request: CoveredRequest): number {
  if (request.assetCode !== undefined && contract.assetCodes.includes(request.assetCode)) return 3;
  if (contract.siteCodes.includes(request.siteCode)) return 2;
  return 1;
}

function covers(contract: Contract, request: CoveredRequest): boolean {
  if (contract.customerCode !== request.customerCode) return false;
  if (request.day < contract.validFrom || request.day > contract.validTo) return false;
  // Empty lists mean every site / asset of the customer.
  if (contract.siteCodes.length > 0 && !contract.siteCodes.includes(request.siteCode)) return false;
  if (contract.assetCodes.length > 0) {
    return request.assetCode !== undefined && contract.assetCodes.includes(request.assetCode);
  }
  return true;
}

/**
 * The contract a request is served under: active, of the request's customer, in force on the day
 * it was opened, covering its site and asset; the most specific one when several do, then the
 * one running longest, then by code (so the answer never depends on storage order).
 */
export function coveringContract(
  contracts: readonly CandidateContract[],
  request: CoveredRequest,
): CandidateContract | undefined {
  return contracts
    .filter((contract) => contract.status === 'active' && covers(contract.record, request))
    .sort(
      (a, b) =>
        specificity(b.record, request) - specificity(a.record, request) ||
        (a.record.validTo < b.record.validTo ? 1 : a.record.validTo > b.record.validTo ? -1 : 0) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    )[0];
}
