/** URL builders for the stock resource, with every segment escaped. */
export const stockPaths = {
  levels: (query: { warehouseCode?: string; itemCode?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.warehouseCode) params.set('warehouseCode', query.warehouseCode);
    if (query.itemCode) params.set('itemCode', query.itemCode);
    const search = params.toString();
    return `/api/stock${search ? `?${search}` : ''}`;
  },
  movements: (warehouseCode: string, limit?: number) =>
    `/api/stock/${encodeURIComponent(warehouseCode)}/movements${limit ? `?limit=${limit}` : ''}`,
};
