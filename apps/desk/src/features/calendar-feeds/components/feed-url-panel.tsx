import type { CalendarFeedWithUrl } from '@fieldstream/api-contract';
import { Alert, Button, CopyButton, Group, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SubscribeInstructions } from './subscribe-instructions';

/**
 * A feed's address, the one time it is shown: to copy (Google Calendar, Outlook) or to open as
 * `webcal://` (Apple Calendar, Outlook), with how each app takes it.
 */
export function FeedUrlPanel({ feed, onDone }: { feed: CalendarFeedWithUrl; onDone: () => void }) {
  const { t } = useTranslation('calendarFeeds');
  return (
    <Stack gap="sm" data-testid="calendar-feed-url-panel">
      <Title order={3} fz="md">
        {t('url.heading', { name: feed.name })}
      </Title>
      <Alert color="orange" variant="light">
        {t('url.once')}
      </Alert>
      <TextInput
        label={t('url.label')}
        value={feed.url}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        data-testid="calendar-feed-url"
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group gap="sm">
        <CopyButton value={feed.url}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal.9' : undefined} onClick={copy}>
              {copied ? t('url.copied') : t('url.copy')}
            </Button>
          )}
        </CopyButton>
        <Button component="a" href={feed.webcalUrl} variant="light">
          {t('url.webcal')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('url.done')}
        </Button>
      </Group>
      <SubscribeInstructions />
    </Stack>
  );
}
