import { ActionIcon, Indicator, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useUnreadCount } from '../hooks/use-unread-count';
import { BellIcon } from './bell-icon';

const INBOX = '/app/inbox';
const MOST_SHOWN = 99;

/**
 * The header's bell, for every role: the unread count on it, kept current by the live feed, and a
 * link to the inbox. The count is said in the link's text (hidden but for screen readers) and,
 * when it changes, in a polite status (a screen reader hears "3 unread notifications" as an alert
 * arrives). An inbox the API cannot read right now leaves the bell without a count rather than an
 * error in the header.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { pathname } = useLocation();
  const unread = useUnreadCount().data ?? 0;
  const label = unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label');
  return (
    <>
      <Indicator
        label={unread > MOST_SHOWN ? `${MOST_SHOWN}+` : String(unread)}
        disabled={unread === 0}
        size={18}
        offset={4}
        color="#a51d1d"
        fw={700}
        // The link says the count in words; the figure on the bell is for the eye.
        attributes={{ indicator: { 'aria-hidden': true } }}
        data-testid="unread-count"
        data-count={unread}
      >
        <ActionIcon
          component={Link}
          to={INBOX}
          variant="subtle"
          color="dark"
          size="lg"
          aria-current={pathname === INBOX ? 'page' : undefined}
        >
          <BellIcon />
          <VisuallyHidden>{label}</VisuallyHidden>
        </ActionIcon>
      </Indicator>
      <VisuallyHidden role="status" aria-live="polite">
        {unread > 0 ? t('bell.announce', { count: unread }) : ''}
      </VisuallyHidden>
    </>
  );
}
