import type { PortalPhoto } from '@fieldstream/api-contract';
import { Anchor, Image, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePhotoUrl } from '../hooks/use-photo-url';

/** One photo of the request, fetched with the session's token; a tap opens it full size. */
export function PhotoThumbnail({ requestId, photo }: { requestId: string; photo: PortalPhoto }) {
  const { t } = useTranslation('portal');
  const url = usePhotoUrl(requestId, photo.id);
  if (!url.data)
    return (
      <Loader role="status" size="sm" aria-label={t('request.photoLoading', { name: photo.fileName })} />
    );
  return (
    <Anchor href={url.data} target="_blank" rel="noopener" display="block">
      <Image
        src={url.data}
        alt={t('request.photoAlt', { name: photo.fileName })}
        radius="sm"
        h={120}
        w={120}
        fit="cover"
      />
    </Anchor>
  );
}
