import { apiPathOf } from '../../../shared/api/api-path-of';

/**
 * Preventive maintenance under `/api` (`preventive-contract.ts` describes the answers): an asset's
 * meter readings in, the runs' reports out.
 */
export const preventivePaths = {
  meterReadings: (assetCode: string) => apiPathOf(`/assets/${encodeURIComponent(assetCode)}/meter-readings`),
  runs: (limit: number) => apiPathOf('/preventive/runs', new URLSearchParams({ limit: String(limit) })),
};
