/**
 * The customer portal's resources, relative to `/api`. Only a customer user reads and writes
 * here: what the desk's own resources show (technicians' codes and full names, internal notes,
 * routing) never appears under these paths.
 */
const id = encodeURIComponent;

export const portalPaths = {
  requests: () => '/portal/requests',
  request: (requestId: string) => `/portal/requests/${id(requestId)}`,
  comments: (requestId: string) => `/portal/requests/${id(requestId)}/comments`,
  photos: (requestId: string) => `/portal/requests/${id(requestId)}/photos`,
  photo: (requestId: string, photoId: string) => `/portal/requests/${id(requestId)}/photos/${id(photoId)}`,
  assets: () => '/portal/assets',
  asset: (assetCode: string) => `/portal/assets/${id(assetCode)}`,
  assetConditions: (assetCode: string) => `/portal/assets/${id(assetCode)}/conditions`,
  contracts: () => '/portal/contracts',
} as const;

/** The form field carrying a photo, on opening a request and on adding one to it. */
export const PORTAL_PHOTO_FIELD = 'photo';
