import type { PortalPhoto } from '@fieldstream/api-contract';
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useAddPhoto } from '../hooks/use-add-photo';
import { PhotoPicker } from './photo-picker';
import { PhotoThumbnail } from './photo-thumbnail';
import { photoProblemKey } from './photo-problem-key';

/** The photos sent with the request, and (while it is going) a way to add one more. */
export function PhotosSection({
  requestId,
  photos,
  canAdd,
}: {
  requestId: string;
  photos: readonly PortalPhoto[];
  canAdd: boolean;
}) {
  const { t } = useTranslation('portal');
  const add = useAddPhoto(requestId);
  const problem = photoProblemKey(add.error);
  return (
    <Stack gap="xs" component="section" aria-labelledby="portal-photos">
      <Title order={2} fz="h4" id="portal-photos">
        {t('request.photosTitle')}
      </Title>
      {photos.length === 0 ? (
        <Text size="sm">{t('request.noPhotos')}</Text>
      ) : (
        <Group gap="sm">
          {photos.map((photo) => (
            <PhotoThumbnail key={photo.id} requestId={requestId} photo={photo} />
          ))}
        </Group>
      )}
      {canAdd && (
        <Group>
          <PhotoPicker
            label={t('request.addPhoto')}
            loading={add.isPending}
            onPick={(file) => add.mutate(file)}
          />
        </Group>
      )}
      {add.isSuccess && (
        <Alert color="green" role="status" variant="light">
          {t('request.photoAdded')}
        </Alert>
      )}
      {add.error ? (
        problem ? (
          <Alert color="red" role="alert" variant="light">
            {t(problem)}
          </Alert>
        ) : (
          <ProblemAlert error={add.error} />
        )
      ) : null}
    </Stack>
  );
}
