import { apiPathOf } from '../../../shared/api/api-path-of';

const id = encodeURIComponent;

/** The devices' resources for people (`device-contract.ts` describes the answer), under `/api`. */
export const devicePaths = {
  diagnosis: (assetCode: string) => apiPathOf(`/assets/${id(assetCode)}/device`),
};
