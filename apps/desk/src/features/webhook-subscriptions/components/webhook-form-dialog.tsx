import type { WebhookSubscriptionView } from '@fieldstream/api-contract';
import { Loader, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSaveWebhookSubscription } from '../hooks/use-save-webhook-subscription';
import { useWebhookEventTypes } from '../hooks/use-webhook-event-types';
import { type EventSelection, EventTypePicker } from './event-type-picker';

/** The first problem at a path or below it (`eventTypes`, `eventTypes.3`). */
const firstUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];

/**
 * Makes a subscription or changes one, whole: its name, description, target URL and what it receives.
 * What is missing is said before sending; what the server refuses (a URL not https, an unknown type)
 * shows on its field. An edit is sent over the version shown, so a change made meanwhile is a
 * conflict rather than overwritten.
 */
export function WebhookFormDialog({
  subscription,
  onClose,
  onSaved,
}: {
  subscription: WebhookSubscriptionView | null;
  onClose: () => void;
  onSaved: (saved: WebhookSubscriptionView) => void;
}) {
  const { t } = useTranslation('webhooks');
  const save = useSaveWebhookSubscription();
  const catalogue = useWebhookEventTypes();
  const [name, setName] = useState(subscription?.name ?? '');
  const [description, setDescription] = useState(subscription?.description ?? '');
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [events, setEvents] = useState<EventSelection>({
    categories: subscription?.categories ?? [],
    eventTypes: subscription?.eventTypes ?? [],
  });
  const [missing, setMissing] = useState<Set<'name' | 'url' | 'events'>>(new Set());
  const errors = fieldErrorsByPath(save.error);
  const fieldProblem = save.error instanceof ApiProblemError && save.error.status === 400;

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const absent = new Set<'name' | 'url' | 'events'>();
    if (name.trim() === '') absent.add('name');
    if (url.trim() === '') absent.add('url');
    if (events.categories.length + events.eventTypes.length === 0) absent.add('events');
    setMissing(absent);
    if (absent.size > 0) return;
    save.mutate(
      {
        ...(subscription && { id: subscription.id, version: subscription.version }),
        body: {
          name: name.trim(),
          ...(description.trim() && { description: description.trim() }),
          url: url.trim(),
          categories: events.categories as WebhookSubscriptionView['categories'],
          eventTypes: events.eventTypes,
        },
      },
      {
        onSuccess: (saved) => {
          onSaved(saved);
          close();
        },
      },
    );
  };
  const forget = (field: 'name' | 'url' | 'events') =>
    setMissing((current) => new Set([...current].filter((entry) => entry !== field)));

  return (
    <Modal
      opened
      onClose={close}
      size="lg"
      title={subscription ? t('form.editTitle', { name: subscription.name }) : t('form.createTitle')}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          {save.error && !fieldProblem && <ProblemAlert error={save.error} />}
          <TextInput
            label={t('form.name')}
            description={t('form.nameHelp')}
            required
            maxLength={100}
            value={name}
            error={missing.has('name') ? t('form.nameRequired') : errors['name']}
            onChange={(event) => {
              forget('name');
              setName(event.currentTarget.value);
            }}
          />
          <TextInput
            label={t('form.url')}
            description={t('form.urlHelp')}
            type="url"
            inputMode="url"
            autoComplete="off"
            required
            value={url}
            error={missing.has('url') ? t('form.urlRequired') : errors['url']}
            onChange={(event) => {
              forget('url');
              setUrl(event.currentTarget.value);
            }}
          />
          <Textarea
            label={t('form.description')}
            autosize
            minRows={2}
            maxLength={1000}
            value={description}
            error={errors['description']}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          {catalogue.error ? (
            <ProblemAlert error={catalogue.error} />
          ) : !catalogue.data ? (
            <Loader size="sm" role="status" aria-label={t('loading')} />
          ) : (
            <EventTypePicker
              catalogue={catalogue.data}
              value={events}
              onChange={(value) => {
                forget('events');
                setEvents(value);
              }}
              errors={{
                categories: firstUnder(errors, 'categories'),
                eventTypes: missing.has('events')
                  ? t('form.eventsRequired')
                  : firstUnder(errors, 'eventTypes'),
              }}
            />
          )}
          <DialogActions
            cancelLabel={t('form.cancel')}
            onCancel={close}
            confirmLabel={subscription ? t('form.save') : t('form.create')}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
