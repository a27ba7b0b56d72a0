import { portalPaths } from '@fieldstream/api-contract';
import { apiPathOf } from '../../../shared/api/api-path-of';

/** The portal's API paths as the desk calls them (same origin, under `/api`). */
export const portalApiPaths = {
  requests: (state: 'open' | 'past', limit: number) =>
    apiPathOf(portalPaths.requests(), new URLSearchParams({ state, limit: String(limit) })),
  opening: () => apiPathOf(portalPaths.requests()),
  request: (id: string) => apiPathOf(portalPaths.request(id)),
  comments: (id: string) => apiPathOf(portalPaths.comments(id)),
  photos: (id: string) => apiPathOf(portalPaths.photos(id)),
  photo: (id: string, photoId: string) => apiPathOf(portalPaths.photo(id, photoId)),
  assets: () => apiPathOf(portalPaths.assets()),
  asset: (code: string) => apiPathOf(portalPaths.asset(code)),
  assetConditions: (code: string) => apiPathOf(portalPaths.assetConditions(code)),
  contracts: () => apiPathOf(portalPaths.contracts()),
};
