export interface MapsLinks {
  /** Opens the phone's navigation app at the place. */
  geo: string;
  /** A map in any browser, for desktops and phones without a navigation app. */
  web: string;
}

/** Links to a site's position, or nothing when its coordinates are not known. */
export function mapsLinks(
  latitude: number | undefined,
  longitude: number | undefined,
): MapsLinks | undefined {
  if (latitude === undefined || longitude === undefined) return undefined;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  return {
    geo: `geo:${latitude},${longitude}`,
    web: `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`,
  };
}
