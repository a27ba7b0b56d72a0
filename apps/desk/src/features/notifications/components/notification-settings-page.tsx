import { NOTIFICATION_TOPIC_NAMES, type NotificationSettings } from '@fieldstream/api-contract';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useNotificationSettings } from '../hooks/use-notification-settings';
import { useSaveNotificationSettings } from '../hooks/use-save-notification-settings';
import { draftOf, draftProblems, settingsOf, type SettingsDraft } from '../settings/settings-draft';
import { timeZoneNames } from '../settings/time-zone-names';
import { PushDevicesSection } from './push-devices-section';
import { WebhookSection } from './webhook-section';

const CHANNELS = ['email', 'sms', 'push'] as const;

/** Paths of the API's problems that a field of this form shows; any other is listed above the form. */
const FIELD_PATHS =
  /^(email|phone|channels(\.(email|sms|push))?|quietHours(\.(from|to))?|timeZone|mutedTopics(\.\d+)?)$/;

function SettingsForm({ initial }: { initial: NotificationSettings }) {
  const { t } = useTranslation('notifications');
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const zones = useMemo(() => timeZoneNames(draft.timeZone), [draft.timeZone]);

  const local = submitted ? draftProblems(draft) : {};
  const server = fieldErrorsByPath(save.error);
  const localText = (problem: 'from' | 'to' | 'same' | undefined) =>
    problem === 'same' ? t('settings.sameTimes') : problem ? t(`settings.required.${problem}`) : undefined;
  const errorAt = (path: string) => localText(local[path]) ?? server[path];
  const errorUnder = (path: string) =>
    errorAt(path) ?? Object.entries(server).find(([key]) => key.startsWith(`${path}.`))?.[1];
  const elsewhere = Object.entries(server).filter(([path]) => !FIELD_PATHS.test(path));
  const hasFieldErrors = Object.keys(server).length > 0;

  const change = (next: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...next }));
  };

  // The server refused: its alert takes the focus, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (save.error) alertRef.current?.focus();
  }, [save.error]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(draftProblems(draft)).length > 0) {
      // Rendered with aria-invalid on the next frame: go to the first field to fix.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    save.mutate(settingsOf(draft), {
      onSuccess: (stored) => {
        setDraft(draftOf(stored));
        setSubmitted(false);
        setSaved(true);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit} ref={formRef} aria-labelledby="notification-settings-title">
      <Stack gap="md">
        {save.error &&
          (hasFieldErrors ? (
            <Alert
              ref={alertRef}
              tabIndex={-1}
              role="alert"
              color="red"
              variant="light"
              title={t('settings.invalidTitle')}
              data-testid="settings-invalid"
            >
              <Text size="sm">{t('settings.invalidBody')}</Text>
              {elsewhere.map(([path, message]) => (
                <Text size="sm" key={path}>
                  {path}: {message}
                </Text>
              ))}
            </Alert>
          ) : (
            <ProblemAlert error={save.error} />
          ))}
        <Fieldset legend={t('settings.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="email"
              label={t('settings.email')}
              autoComplete="email"
              value={draft.email}
              error={errorAt('email')}
              onChange={(event) => change({ email: event.currentTarget.value })}
            />
            <TextInput
              type="tel"
              label={t('settings.phone')}
              description={t('settings.phoneHint')}
              autoComplete="tel"
              value={draft.phone}
              error={errorAt('phone')}
              onChange={(event) => change({ phone: event.currentTarget.value })}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('settings.channels')}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('settings.channelsHint')}
            </Text>
            {CHANNELS.map((channel) => (
              <Switch
                key={channel}
                label={t(`settings.channel.${channel}`)}
                checked={draft.channels[channel]}
                error={errorAt(`channels.${channel}`)}
                onChange={(event) =>
                  change({ channels: { ...draft.channels, [channel]: event.currentTarget.checked } })
                }
              />
            ))}
            {errorAt('channels') && (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                {errorAt('channels')}
              </Text>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.quietHours')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed" id="quiet-hours-hint">
              {t('settings.quietHoursHint')}
            </Text>
            {/* The hint stays out of the label (Mantine puts a description inside it): the switch's name is its label alone. */}
            <Switch
              label={t('settings.quietHoursOn')}
              aria-describedby="quiet-hours-hint"
              checked={draft.quietHoursOn}
              error={errorAt('quietHours')}
              onChange={(event) => change({ quietHoursOn: event.currentTarget.checked })}
            />
            {draft.quietHoursOn && (
              <Group gap="sm" align="flex-start">
                <TextInput
                  type="time"
                  label={t('settings.from')}
                  required
                  value={draft.quietFrom}
                  error={errorAt('quietHours.from')}
                  onChange={(event) => change({ quietFrom: event.currentTarget.value })}
                  w={140}
                />
                <TextInput
                  type="time"
                  label={t('settings.to')}
                  required
                  value={draft.quietTo}
                  error={errorAt('quietHours.to')}
                  onChange={(event) => change({ quietTo: event.currentTarget.value })}
                  w={140}
                />
              </Group>
            )}
            <Select
              label={t('settings.timeZone')}
              description={t('settings.timeZoneHint')}
              data={zones as string[]}
              searchable
              allowDeselect={false}
              value={draft.timeZone}
              error={errorAt('timeZone')}
              onChange={(timeZone) => timeZone && change({ timeZone })}
              maxDropdownHeight={280}
              w={{ base: '100%', sm: 320 }}
            />
          </Stack>
        </Fieldset>
        <Checkbox.Group
          label={t('settings.mutedTopics')}
          description={t('settings.mutedTopicsHint')}
          value={draft.mutedTopics}
          error={errorUnder('mutedTopics')}
          onChange={(topics) => change({ mutedTopics: topics as SettingsDraft['mutedTopics'] })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {NOTIFICATION_TOPIC_NAMES.map((topic) => (
              <Checkbox key={topic} value={topic} label={t(`topics.${topic}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
          <Text size="sm" fw={500} role="status">
            {saved ? t('settings.saved') : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * `/app/settings/notifications`, for every role: the user's own e-mail and phone, which channels
 * may reach them besides the inbox, quiet hours in their zone, and the topics they want only in the
 * inbox. Problems the API names by field appear on the fields. Below the form, each in a section of
 * its own since each acts at once rather than on Save: push in this browser and the user's devices,
 * and their signed webhook.
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  useDocumentTitle(`${t('settings.title')} · Fieldstream`);
  const settings = useNotificationSettings();
  return (
    <Stack gap="md" maw={760}>
      <Title order={1} fz="h2" id="notification-settings-title">
        {t('settings.title')}
      </Title>
      <Text size="sm">{t('settings.intro')}</Text>
      {settings.data ? (
        <SettingsForm initial={settings.data} />
      ) : settings.error ? (
        <ProblemAlert error={settings.error} />
      ) : (
        <Loader size="sm" role="status" aria-label={t('settings.loading')} />
      )}
      <Divider my="sm" />
      <PushDevicesSection />
      <Divider my="sm" />
      <WebhookSection />
    </Stack>
  );
}
