import { Alert, Button, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useAddComment } from '../hooks/use-add-comment';

/** A comment for the service desk about the request; it shows in the progress once sent. */
export function CommentForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('portal');
  const [text, setText] = useState('');
  const comment = useAddComment(requestId);
  return (
    <Stack
      gap="xs"
      component="form"
      aria-labelledby="portal-comment"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        comment.mutate(text.trim(), { onSuccess: () => setText('') });
      }}
    >
      <Title order={2} fz="h4" id="portal-comment">
        {t('request.commentTitle')}
      </Title>
      <Textarea
        label={t('request.commentLabel')}
        description={t('request.commentHint')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Button
        type="submit"
        loading={comment.isPending}
        disabled={text.trim() === ''}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('request.send')}
      </Button>
      {comment.isSuccess && text === '' && (
        <Alert color="green" role="status" variant="light">
          {t('request.commentSent')}
        </Alert>
      )}
      {comment.error ? <ProblemAlert error={comment.error} /> : null}
    </Stack>
  );
}
