import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { FileDropZone } from '../../../shared/components/file-drop-zone';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { uploadProblemKey } from '../format/upload-problem-key';
import { useUploadAttachment } from '../hooks/use-upload-attachment';

/**
 * Drop a file or choose one, then see the bytes leave and, when the server refuses the file, why,
 * in words.
 */
export function AttachmentUploadZone({ ownerKind, ownerCode }: { ownerKind: string; ownerCode: string }) {
  const { t } = useTranslation('attachments');
  const upload = useUploadAttachment(ownerKind, ownerCode);
  const [lastName, setLastName] = useState<string | null>(null);
  const send = (file: File) => {
    setLastName(file.name);
    upload.mutate(file);
  };
  const problemKey = uploadProblemKey(upload.error);
  const serverSaid =
    upload.error instanceof ApiProblemError
      ? (upload.error.problemFor('file')?.detail ?? upload.error.detail)
      : undefined;
  return (
    <Stack gap="xs">
      <FileDropZone
        label={t('upload.dropHere')}
        chooseLabel={t('upload.choose')}
        busy={upload.isPending}
        testId="attachment-drop-zone"
        onFile={send}
      />
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
