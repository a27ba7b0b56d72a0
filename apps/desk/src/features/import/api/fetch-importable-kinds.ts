import { apiRequest } from '../../../shared/api/api-request';
import type { ImportableKind } from '../types/importable-kind';

interface KindAccess {
  kind: string;
  plural: string;
  write: 'all' | 'scoped' | 'none';
}

/** Kinds the caller may write at all: importing the others could only be refused. */
export async function fetchImportableKinds(token: string | undefined): Promise<ImportableKind[]> {
  const kinds = await apiRequest<KindAccess[]>('/api/master-data', token ? { token } : {});
  return kinds.filter((entry) => entry.write !== 'none').map(({ kind, plural }) => ({ kind, plural }));
}
