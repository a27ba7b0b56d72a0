import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSaveNotificationWebhook } from '../hooks/use-save-notification-webhook';

/**
 * The webhook's URL and its Save. Whether a URL is acceptable (https, or http where the server
 * allows it) is the server's to say: its problem on `url` shows on the field, any other above it.
 */
export function WebhookUrlForm({ current, onSaved }: { current: string; onSaved: () => void }) {
  const { t } = useTranslation('notifications');
  const save = useSaveNotificationWebhook();
  const [url, setUrl] = useState(current);
  const [shown, setShown] = useState(current);
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // The stored URL changed under the form (set, removed): show it, as a fresh form would.
  if (current !== shown) {
    setShown(current);
    setUrl(current);
  }
  const fieldError = fieldErrorsByPath(save.error)['url'];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (trimmed === '') {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    save.mutate({ url: trimmed }, { onSuccess: onSaved });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {save.error && fieldError === undefined ? <ProblemAlert error={save.error} /> : null}
        <TextInput
          ref={inputRef}
          type="url"
          inputMode="url"
          autoComplete="url"
          label={t('webhook.url')}
          description={t('webhook.urlHint')}
          required
          value={url}
          error={missing ? t('webhook.urlRequired') : fieldError}
          onChange={(event) => {
            setMissing(false);
            setUrl(event.currentTarget.value);
          }}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('webhook.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
