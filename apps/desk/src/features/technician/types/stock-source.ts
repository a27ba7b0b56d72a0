/** A warehouse or van materials can be taken from. */
export interface StockSource {
  code: string;
  name: string;
  type: 'warehouse' | 'van';
  technicianCode?: string;
}
