/** URL builders for the master-data resource, with every segment escaped. */
export const masterDataPaths = {
  kinds: () => '/api/master-data',
  list: (plural: string, query: Record<string, string | number | undefined> = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `/api/master-data/${encodeURIComponent(plural)}${search ? `?${search}` : ''}`;
  },
  record: (plural: string, code: string) =>
    `/api/master-data/${encodeURIComponent(plural)}/${encodeURIComponent(code)}`,
  history: (plural: string, code: string) =>
    `/api/master-data/${encodeURIComponent(plural)}/${encodeURIComponent(code)}/history`,
};
