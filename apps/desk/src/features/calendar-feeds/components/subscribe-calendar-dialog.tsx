import type { CalendarFeedWithUrl } from '@fieldstream/api-contract';
import { Divider, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyCalendarFeeds } from '../hooks/use-my-calendar-feeds';
import type { FeedScope } from '../types/feed-scope';
import { FeedUrlPanel } from './feed-url-panel';
import { MyFeedsList } from './my-feeds-list';
import { NewFeedForm } from './new-feed-form';

export interface SubscribeCalendarDialogProps {
  opened: boolean;
  onClose: () => void;
  scope: FeedScope | null;
  chooseUnit: boolean;
}

/**
 * Subscribing a phone's calendar to an agenda: a new private address (shown once, to copy or open
 * as webcal, with how each app takes it), and the user's addresses to renew or revoke. Closing
 * the dialog forgets the address shown: it is never fetched again.
 */
export function SubscribeCalendarDialog({
  opened,
  onClose,
  scope,
  chooseUnit,
}: SubscribeCalendarDialogProps) {
  const { t } = useTranslation('calendarFeeds');
  const feeds = useMyCalendarFeeds(opened);
  const [issued, setIssued] = useState<CalendarFeedWithUrl | null>(null);
  const close = () => {
    setIssued(null);
    onClose();
  };
  // A team is picked in the form: the introduction does not name one.
  const what =
    scope?.kind === 'technician' && !chooseUnit
      ? t('what.technician', { name: scope.name ?? scope.code })
      : t('what.anyTeam');

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        <Text size="sm">
          {t('intro', {
            what,
            past: feeds.data?.window.pastDays ?? 30,
            future: feeds.data?.window.futureDays ?? 90,
          })}
        </Text>
        {issued ? (
          <FeedUrlPanel feed={issued} onDone={() => setIssued(null)} />
        ) : (
          <NewFeedForm
            key={`${scope?.kind ?? ''}:${scope?.code ?? ''}`}
            scope={scope}
            chooseUnit={chooseUnit}
            maxFeeds={feeds.data?.maxFeeds ?? 20}
            onCreated={setIssued}
          />
        )}
        <Divider />
        <MyFeedsList
          list={feeds.data}
          loading={feeds.isPending && opened}
          error={feeds.error}
          onRegenerated={setIssued}
        />
      </Stack>
    </Modal>
  );
}
