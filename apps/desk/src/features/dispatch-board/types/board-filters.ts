/** The board's filters, as the URL holds them (null: any). */
export interface BoardFilters {
  unitCode: string | null;
  zoneCode: string | null;
  skillCode: string | null;
}
