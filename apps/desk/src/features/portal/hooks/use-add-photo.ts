import { PORTAL_PHOTO_FIELD, portalPhotoSchema } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { IdempotencyKeyKeeper } from '../../../shared/api/idempotency-key-keeper';
import { useSession } from '../../auth/hooks/use-session';
import { portalApiPaths } from '../api/portal-api-path';
import { sendForm } from '../api/send-form';
import { portalKeys } from './portal-query-keys';

/** Adds a photo to a request the customer is following. */
export function useAddPhoto(requestId: string) {
  const token = useSession().session?.token;
  const queryClient = useQueryClient();
  const keeper = useRef(new IdempotencyKeyKeeper());
  return useMutation({
    mutationFn: async (photo: File) => {
      const form = new FormData();
      form.append(PORTAL_PHOTO_FIELD, photo, photo.name);
      try {
        const added = await sendForm(portalApiPaths.photos(requestId), form, {
          token,
          idempotencyKey: keeper.current.keyFor(JSON.stringify([photo.name, photo.size, photo.lastModified])),
          schema: portalPhotoSchema,
        });
        keeper.current.settle();
        return added;
      } catch (error) {
        keeper.current.settle(error);
        throw error;
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.request(requestId) }),
  });
}
