/** The portal's new-request form, pre-filled for one machine: what an asset's QR label opens. */
export function newRequestPath(assetCode: string): string {
  return `/app/portal/new?${new URLSearchParams({ asset: assetCode }).toString()}`;
}

/** The same as an address to print: the desk's own origin, so the label works from any phone. */
export function newRequestUrl(assetCode: string, origin: string): string {
  return `${origin.replace(/\/$/, '')}${newRequestPath(assetCode)}`;
}
