import type { AttachmentAnswer } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { attachmentPaths } from '../api/attachment-paths';
import { attachmentsKeys } from './attachments-query-keys';

export function useAttachments(ownerKind: string, ownerCode: string) {
  const api = useApi();
  return useQuery({
    queryKey: attachmentsKeys.owner(ownerKind, ownerCode),
    queryFn: ({ signal }) => api<AttachmentAnswer[]>(attachmentPaths.list(ownerKind, ownerCode), { signal }),
    // No change notices for attachments yet: a colleague's upload shows on focus or within a minute.
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}
