import { apiRequest } from '../../../shared/api/api-request';
import type { ImportStatus } from '../types/import-status';

export function fetchImportStatus(importId: string, token: string | undefined): Promise<ImportStatus> {
  return apiRequest<ImportStatus>(`/api/imports/${encodeURIComponent(importId)}`, token ? { token } : {});
}
