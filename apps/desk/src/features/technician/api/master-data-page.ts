/** What `GET /api/master-data/<kind>` answers, as far as the technician screens read it. */
export interface MasterDataPage {
  items: { code: string; record: Record<string, unknown> }[];
  total: number;
}
