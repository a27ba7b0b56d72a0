import type { AttachmentAnswer } from '@fieldstream/api-contract';
import { Center, Image, Loader, Modal } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { fetchAttachmentBlob } from '../api/fetch-attachment-blob';
import type { PreviewKind } from '../format/preview-kind';

/** Shows an image or PDF in place, from bytes fetched with the token (no link could carry it). */
export function AttachmentPreviewDialog({
  attachment,
  kind,
  onClose,
}: {
  attachment: AttachmentAnswer;
  kind: PreviewKind;
  onClose: () => void;
}) {
  const { t } = useTranslation('attachments');
  const token = useSession().session?.token;
  const blob = useQuery({
    queryKey: ['attachments', 'content', attachment.id],
    queryFn: () => fetchAttachmentBlob(attachment.id, token),
    staleTime: Infinity,
    gcTime: 0,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('preview.title', { name: attachment.fileName })}
      closeButtonProps={{ 'aria-label': t('preview.close') }}
      size="xl"
    >
      {blob.error ? (
        <ProblemAlert error={blob.error} />
      ) : !url ? (
        <Center p="lg">
          <Loader role="status" size="sm" aria-label={t('preview.loading')} />
        </Center>
      ) : kind === 'image' ? (
        <Image
          src={url}
          alt={attachment.fileName}
          fit="contain"
          mah="70vh"
          data-testid="attachment-preview"
        />
      ) : (
        <iframe
          src={url}
          title={attachment.fileName}
          style={{ width: '100%', height: '70vh', border: 0 }}
          data-testid="attachment-preview"
        />
      )}
    </Modal>
  );
}
