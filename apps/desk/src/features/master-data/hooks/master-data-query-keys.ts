/** Query keys: a save invalidates everything under `['master-data', plural]`. */
export const masterDataKeys = {
  kinds: () => ['master-data', 'kinds'] as const,
  all: (plural: string) => ['master-data', plural] as const,
  list: (plural: string, query: object) => ['master-data', plural, 'list', query] as const,
  record: (plural: string, code: string) => ['master-data', plural, 'record', code] as const,
  history: (plural: string, code: string) => ['master-data', plural, 'history', code] as const,
};
