import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-session';
import type { FeedScope } from '../types/feed-scope';
import { SubscribeCalendarDialog } from './subscribe-calendar-dialog';

/** Who has an agenda to follow: technicians their own; the desk, managers and administrators any in reach. */
const SUBSCRIBERS = new Set(['technician', 'dispatcher', 'manager', 'admin']);

export interface SubscribeCalendarButtonProps {
  /** The technician on screen, or the team first proposed; null when none is chosen yet. */
  scope: FeedScope | null;
  /** A team's feed (the dispatch board): the unit is picked in the dialog. */
  chooseUnit?: boolean;
}

/** "Subscribe in your calendar": opens the dialog; shown only to those who may subscribe. */
export function SubscribeCalendarButton({ scope, chooseUnit = false }: SubscribeCalendarButtonProps) {
  const { t } = useTranslation('calendarFeeds');
  const { session } = useSession();
  const [opened, setOpened] = useState(false);
  if (!session || !SUBSCRIBERS.has(session.user.role)) return null;
  if (!chooseUnit && !scope) return null;
  // A team's feed proposes the user's own centre when the page has not chosen one.
  const own = session.user.binding.unitCode;
  const proposed = scope ?? (chooseUnit && own ? { kind: 'unit' as const, code: own } : null);
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        {t('open')}
      </Button>
      <SubscribeCalendarDialog
        opened={opened}
        onClose={() => setOpened(false)}
        scope={proposed}
        chooseUnit={chooseUnit}
      />
    </>
  );
}
