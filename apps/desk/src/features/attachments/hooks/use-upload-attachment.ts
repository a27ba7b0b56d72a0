import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { uploadAttachment } from '../api/upload-attachment';
import { attachmentsKeys } from './attachments-query-keys';

/** Uploads one file with its progress (0..1, null when idle); the list refreshes afterwards. */
export function useUploadAttachment(ownerKind: string, ownerCode: string) {
  const token = useSession().session?.token;
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadAttachment({ ownerKind, ownerCode, file, token, onProgress: setProgress });
    },
    onSettled: async () => {
      setProgress(null);
      await queryClient.invalidateQueries({ queryKey: attachmentsKeys.owner(ownerKind, ownerCode) });
    },
  });
  return { ...mutation, progress };
}
