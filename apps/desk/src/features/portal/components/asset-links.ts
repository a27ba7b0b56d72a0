export const portalAssetPath = (code: string) => `/app/portal/assets/${encodeURIComponent(code)}`;
export const portalAssetLabelPath = (code: string) => `/app/portal/assets/${encodeURIComponent(code)}/label`;
