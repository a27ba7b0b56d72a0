import type { EscalationChain, EscalationLevel } from '../master-data/kinds/escalation-chain.kind';

export type CandidateChain = { code: string; record: EscalationChain };

export type EscalatedRequest = {
  priority: string;
  contractCode?: string;
  /** The request's service centre and the units above it, nearest first. */
  unitPath: readonly string[];
};

function matches(chain: EscalationChain, request: EscalatedRequest): boolean {
  if (chain.priorities.length > 0 && !chain.priorities.includes(request.priority as never)) return false;
  if (
    chain.contractCodes.length > 0 &&
    !(request.contractCode && chain.contractCodes.includes(request.contractCode))
  )
    return false;
  if (chain.unitCodes.length > 0 && !request.unitPath.some((unit) => chain.unitCodes.includes(unit)))
    return false;
  return true;
}

/** How closely a chain names the request: a contract beats a centre beats a priority. */
function specificity(chain: EscalationChain, request: EscalatedRequest): number {
  const unitDepth =
    chain.unitCodes.length === 0
      ? 0
      : request.unitPath.length - request.unitPath.findIndex((u) => chain.unitCodes.includes(u));
  return (chain.contractCodes.length > 0 ? 1000 : 0) + unitDepth * 10 + (chain.priorities.length > 0 ? 1 : 0);
}

/**
 * The chain a request escalates along: among those matching its priority, contract and centre (a
 * chain for a unit covers the units below it), the most specific — a contract's own chain, then
 * the nearest centre's, then one for its priority — and by code when two tie.
 */
export function escalationChainFor(
  chains: readonly CandidateChain[],
  request: EscalatedRequest,
): CandidateChain | undefined {
  return chains
    .filter((chain) => matches(chain.record, request))
    .sort(
      (a, b) =>
        specificity(b.record, request) - specificity(a.record, request) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    )[0];
}

/** Levels (numbered from 1) whose threshold an alarm at `percent` has reached. */
export function levelsReached(
  chain: EscalationChain,
  percent: number,
): { level: number; definition: EscalationLevel }[] {
  return chain.levels
    .map((definition, index) => ({ level: index + 1, definition }))
    .filter(({ definition }) => definition.percent <= percent);
}
