/** What the map needs of a site record; sites without coordinates are not drawn. */
export interface MapSite {
  code: string;
  name: string;
  customerCode: string;
  zoneCode?: string;
  city?: string;
  lat: number;
  lon: number;
}
