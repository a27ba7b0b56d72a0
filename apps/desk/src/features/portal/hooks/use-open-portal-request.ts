import {
  PORTAL_PHOTO_FIELD,
  type PortalOpenRequestBody,
  portalRequestDetailSchema,
} from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { IdempotencyKeyKeeper } from '../../../shared/api/idempotency-key-keeper';
import { useSession } from '../../auth/hooks/use-session';
import { portalApiPaths } from '../api/portal-api-path';
import { sendForm } from '../api/send-form';
import { portalKeys } from './portal-query-keys';

export interface PortalOpening {
  fields: PortalOpenRequestBody;
  photo: File | null;
}

/**
 * Opens a request as one multipart form (the fields and the photo together, so that a refused
 * photo opens nothing). A retry after no answer keeps its Idempotency-Key: one request, not two.
 */
export function useOpenPortalRequest() {
  const token = useSession().session?.token;
  const queryClient = useQueryClient();
  const keeper = useRef(new IdempotencyKeyKeeper());
  return useMutation({
    mutationFn: async ({ fields, photo }: PortalOpening) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields))
        if (value !== undefined) form.append(name, String(value));
      if (photo) form.append(PORTAL_PHOTO_FIELD, photo, photo.name);
      const fingerprint = JSON.stringify([fields, photo?.name, photo?.size, photo?.lastModified]);
      try {
        const opened = await sendForm(portalApiPaths.opening(), form, {
          token,
          idempotencyKey: keeper.current.keyFor(fingerprint),
          schema: portalRequestDetailSchema,
        });
        keeper.current.settle();
        return opened;
      } catch (error) {
        keeper.current.settle(error);
        throw error;
      }
    },
    onSuccess: (opened) => {
      queryClient.setQueryData(portalKeys.request(opened.id), opened);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'requests'] });
    },
  });
}
