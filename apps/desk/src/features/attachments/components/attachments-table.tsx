import type { AttachmentAnswer } from '@fieldstream/api-contract';
import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format/format-bytes';
import { previewKind } from '../format/preview-kind';

/** The files of a record, with what one can do to each. */
export function AttachmentsTable({
  attachments,
  canDelete,
  downloading,
  onPreview,
  onDownload,
  onDelete,
}: {
  attachments: readonly AttachmentAnswer[];
  canDelete: boolean;
  downloading: string | null;
  onPreview: (attachment: AttachmentAnswer) => void;
  onDownload: (attachment: AttachmentAnswer) => void;
  onDelete: (attachment: AttachmentAnswer) => void;
}) {
  const { t, i18n } = useTranslation('attachments');
  if (attachments.length === 0) return <Text size="sm">{t('list.empty')}</Text>;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="attachments">
        <Table.Caption>{t('list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.name')}</Table.Th>
            <Table.Th scope="col">{t('list.type')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('list.size')}
            </Table.Th>
            <Table.Th scope="col">{t('list.uploaded')}</Table.Th>
            <Table.Th scope="col">{t('list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attachments.map((attachment) => (
            <Table.Tr key={attachment.id} data-attachment={attachment.fileName}>
              <Table.Td>{attachment.fileName}</Table.Td>
              <Table.Td>{attachment.contentType}</Table.Td>
              <Table.Td ta="right">{formatBytes(attachment.size, i18n.language)}</Table.Td>
              <Table.Td>
                {t('list.uploadedBy', { name: attachment.uploadedBy })}{' '}
                <time dateTime={attachment.uploadedAt}>{when.format(new Date(attachment.uploadedAt))}</time>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {previewKind(attachment.contentType, attachment.size) && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onPreview(attachment)}
                      aria-label={t('list.previewOf', { name: attachment.fileName })}
                    >
                      {t('list.preview')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    loading={downloading === attachment.id}
                    onClick={() => onDownload(attachment)}
                    aria-label={t('list.downloadOf', { name: attachment.fileName })}
                  >
                    {t('list.download')}
                  </Button>
                  {canDelete && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onDelete(attachment)}
                      aria-label={t('list.deleteOf', { name: attachment.fileName })}
                    >
                      {t('list.delete')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
