import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { attachmentPaths } from '../api/attachment-paths';
import { attachmentsKeys } from './attachments-query-keys';

export function useDeleteAttachment(ownerKind: string, ownerCode: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(attachmentPaths.one(id), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentsKeys.owner(ownerKind, ownerCode) }),
  });
}
