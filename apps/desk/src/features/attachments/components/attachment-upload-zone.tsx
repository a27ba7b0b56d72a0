import { Alert, Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { uploadProblemKey } from '../format/upload-problem-key';
import { useUploadAttachment } from '../hooks/use-upload-attachment';

/**
 * Drop a file, or choose one with the button (the keyboard path: the zone is only a mouse target).
 * Shows the bytes leaving, then why the server refused the file, in words.
 */
export function AttachmentUploadZone({ ownerKind, ownerCode }: { ownerKind: string; ownerCode: string }) {
  const { t } = useTranslation('attachments');
  const upload = useUploadAttachment(ownerKind, ownerCode);
  const [dragging, setDragging] = useState(false);
  const [lastName, setLastName] = useState<string | null>(null);
  const send = (file: File) => {
    setLastName(file.name);
    upload.mutate(file);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !upload.isPending) send(dropped);
  };
  const problemKey = uploadProblemKey(upload.error);
  const serverSaid =
    upload.error instanceof ApiProblemError
      ? (upload.error.problemFor('file')?.detail ?? upload.error.detail)
      : undefined;
  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="attachment-drop-zone"
        style={{
          borderStyle: 'dashed',
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
        }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">{t('upload.dropHere')}</Text>
          <FileButton onChange={(file) => file && send(file)} disabled={upload.isPending}>
            {(props) => (
              <Button variant="default" {...props} loading={upload.isPending}>
                {t('upload.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {upload.progress !== null && (
        <Progress
          value={Math.round(upload.progress * 100)}
          aria-label={t('upload.progress', { name: lastName ?? '' })}
          animated
        />
      )}
      <Text size="sm" aria-live="polite">
        {upload.isPending
          ? t('upload.sending', { name: lastName ?? '' })
          : upload.isSuccess
            ? t('upload.done', { name: lastName ?? '' })
            : ''}
      </Text>
      {problemKey ? (
        <Alert color="red" role="alert" title={t('upload.refusedTitle', { name: lastName ?? '' })}>
          {t(problemKey)}
          {serverSaid ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('upload.serverSaid', { message: serverSaid })}
            </Text>
          ) : null}
        </Alert>
      ) : (
        upload.error && <ProblemAlert error={upload.error} />
      )}
    </Stack>
  );
}
