import type { AttachmentAnswer } from '@fieldstream/api-contract';
import { Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { fetchAttachmentBlob } from '../api/fetch-attachment-blob';
import { saveBlob } from '../api/save-blob';
import { previewKind } from '../format/preview-kind';
import { useAttachments } from '../hooks/use-attachments';
import { useDeleteAttachment } from '../hooks/use-delete-attachment';
import { AttachmentPreviewDialog } from './attachment-preview-dialog';
import { AttachmentUploadZone } from './attachment-upload-zone';
import { AttachmentsTable } from './attachments-table';
import { DeleteAttachmentDialog } from './delete-attachment-dialog';

/**
 * The Attachments tab of any record: its files, and — for those who may change the record —
 * upload and delete. `ownerKind` is the kind's plural, as the API names owners.
 */
export function AttachmentsTab({
  ownerKind,
  ownerCode,
  canWrite,
}: {
  ownerKind: string;
  ownerCode: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation('attachments');
  const token = useSession().session?.token;
  const attachments = useAttachments(ownerKind, ownerCode);
  const remove = useDeleteAttachment(ownerKind, ownerCode);
  const [previewing, setPreviewing] = useState<AttachmentAnswer | null>(null);
  const [deleting, setDeleting] = useState<AttachmentAnswer | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const download = async (attachment: AttachmentAnswer) => {
    setDownloading(attachment.id);
    setDownloadError(null);
    try {
      saveBlob(await fetchAttachmentBlob(attachment.id, token), attachment.fileName);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(null);
    }
  };

  const previewingKind = previewing ? previewKind(previewing.contentType, previewing.size) : undefined;
  return (
    <Stack gap="md">
      {canWrite && <AttachmentUploadZone ownerKind={ownerKind} ownerCode={ownerCode} />}
      {downloadError ? <ProblemAlert error={downloadError} /> : null}
      {remove.error && <ProblemAlert error={remove.error} />}
      {attachments.error ? (
        <ProblemAlert error={attachments.error} />
      ) : attachments.data ? (
        <AttachmentsTable
          attachments={attachments.data}
          canDelete={canWrite}
          downloading={downloading}
          onPreview={setPreviewing}
          onDownload={(attachment) => void download(attachment)}
          onDelete={setDeleting}
        />
      ) : (
        <Loader role="status" size="sm" aria-label={t('list.loading')} />
      )}
      {previewing && previewingKind && (
        <AttachmentPreviewDialog
          attachment={previewing}
          kind={previewingKind}
          onClose={() => setPreviewing(null)}
        />
      )}
      <DeleteAttachmentDialog
        attachment={deleting}
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}
      />
    </Stack>
  );
}
