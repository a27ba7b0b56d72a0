import { apiRequest } from '../../../shared/api/api-request';

export interface RecordOption {
  value: string;
  label: string;
}

/** Up to 20 records of a kind matching a word-prefix search, as select options. */
export async function searchRecords(
  plural: 'technicians' | 'sites',
  q: string,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<RecordOption[]> {
  const params = new URLSearchParams({ limit: '20' });
  if (q.trim()) params.set('q', q.trim());
  const answer = await apiRequest<{ items: { code: string; record: { name?: unknown } }[] }>(
    `/api/master-data/${plural}?${params.toString()}`,
    { ...(token ? { token } : {}), ...(signal ? { signal } : {}) },
  );
  return answer.items.map(({ code, record }) => ({
    value: code,
    label: typeof record.name === 'string' ? `${record.name} (${code})` : code,
  }));
}
