import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AttachmentsTab } from '../../attachments/components/attachments-tab';
import { useAttachments } from '../../attachments/hooks/use-attachments';

/**
 * The photos the customer sent with the request through the portal, for the desk to look at
 * before dispatching; nothing at all when they sent none.
 */
export function CustomerPhotosSection({ requestId }: { requestId: string }) {
  const { t } = useTranslation('serviceRequests');
  const photos = useAttachments('service-requests', requestId);
  if (!photos.data || photos.data.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="request-customer-photos">
      <Title order={2} fz="h4" id="request-customer-photos">
        {t('detail.customerPhotos')}
      </Title>
      <AttachmentsTab ownerKind="service-requests" ownerCode={requestId} canWrite={false} />
    </Stack>
  );
}
