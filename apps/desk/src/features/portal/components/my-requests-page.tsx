import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { usePortalRequests } from '../hooks/use-portal-requests';
import { RequestCard } from './request-card';

const OPEN_LIMIT = 100;
const PAST_PAGE = 10;

/**
 * `/app/portal`: the customer's landing page. Their open requests first, each with where it stands
 * and the next visit; then the past ones, a few at a time. Live: a change at the desk shows here.
 */
export function MyRequestsPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('requests.documentTitle'));
  const [pastLimit, setPastLimit] = useState(PAST_PAGE);
  const open = usePortalRequests('open', OPEN_LIMIT);
  const past = usePortalRequests('past', pastLimit);

  return (
    <Stack gap="lg" maw={760} mx="auto" w="100%">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} fz="h2">
          {t('requests.title')}
        </Title>
        <Button component={Link} to="/app/portal/new">
          {t('requests.new')}
        </Button>
      </Group>
      <Stack gap="sm" component="section" aria-labelledby="portal-open-requests">
        <Title order={2} fz="h3" id="portal-open-requests">
          {t('requests.open')}
        </Title>
        {open.error ? (
          <ProblemAlert error={open.error} />
        ) : !open.data ? (
          <Loader role="status" size="sm" aria-label={t('requests.loading')} />
        ) : open.data.items.length === 0 ? (
          <Text>{t('requests.emptyOpen')}</Text>
        ) : (
          open.data.items.map((request) => <RequestCard key={request.id} request={request} />)
        )}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="portal-past-requests">
        <Title order={2} fz="h3" id="portal-past-requests">
          {t('requests.past')}
        </Title>
        {past.error ? (
          <ProblemAlert error={past.error} />
        ) : !past.data ? (
          <Loader role="status" size="sm" aria-label={t('requests.loading')} />
        ) : past.data.items.length === 0 ? (
          <Text>{t('requests.emptyPast')}</Text>
        ) : (
          <>
            {past.data.items.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
            {past.data.total > past.data.items.length && (
              <Button
                variant="default"
                onClick={() => setPastLimit((limit) => limit + PAST_PAGE)}
                loading={past.isFetching}
              >
                {t('requests.showMore')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}
