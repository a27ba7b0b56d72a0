import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../api/master-data-paths';
import type { MasterDataDocument } from '../types/master-data-types';
import { masterDataKeys } from './master-data-query-keys';

/**
 * Create, save (with If-Match on the version the user edited), retire and reinstate. Each success
 * refreshes the kind's lists, the record and its history.
 */
export function useRecordCommands(plural: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: masterDataKeys.all(plural) });

  const create = useMutation<MasterDataDocument, Error, { code: string; fields: Record<string, unknown> }>({
    mutationFn: ({ code, fields }) =>
      api<MasterDataDocument>(masterDataPaths.list(plural), { method: 'POST', body: { code, ...fields } }),
    onSuccess: refresh,
  });
  const save = useMutation<
    MasterDataDocument,
    Error,
    { code: string; version: number; fields: Record<string, unknown> }
  >({
    mutationFn: ({ code, version, fields }) =>
      api<MasterDataDocument>(masterDataPaths.record(plural, code), {
        method: 'PUT',
        body: fields,
        headers: { 'If-Match': `"${version}"` },
      }),
    onSuccess: refresh,
  });
  const retire = useMutation<MasterDataDocument, Error, { code: string; reason: string }>({
    mutationFn: ({ code, reason }) =>
      api<MasterDataDocument>(`${masterDataPaths.record(plural, code)}/retire`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: refresh,
  });
  const reinstate = useMutation<MasterDataDocument, Error, { code: string }>({
    mutationFn: ({ code }) =>
      api<MasterDataDocument>(`${masterDataPaths.record(plural, code)}/reinstate`, { method: 'POST' }),
    onSuccess: refresh,
  });
  return { create, save, retire, reinstate };
}
