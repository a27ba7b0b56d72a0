/**
 * The portal's query keys, all under `['portal']`: the prefix the live change notices of requests
 * and of master data invalidate, so a customer's screens follow the desk's work without a reload.
 */
export const portalKeys = {
  requests: (state: 'open' | 'past', limit: number) => ['portal', 'requests', state, limit] as const,
  request: (id: string) => ['portal', 'request', id] as const,
  // Outside `['portal']`: a photo never changes, and a change notice must not fetch it again.
  photo: (id: string, photoId: string) => ['portal-photo', id, photoId] as const,
  assets: () => ['portal', 'assets'] as const,
  asset: (code: string) => ['portal', 'asset', code] as const,
  conditions: (code: string) => ['portal', 'asset', code, 'conditions'] as const,
  contracts: () => ['portal', 'contracts'] as const,
};
