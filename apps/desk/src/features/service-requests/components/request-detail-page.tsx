import { Alert, Anchor, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { DevicePanel } from '../../devices/components/device-panel';
import { RequestEscalationPanel } from '../../notifications/components/request-escalation-panel';
import { RequestSlaPanel } from '../../service-levels/components/request-sla-panel';
import { referenceOf } from '../format/reference-of';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts';
import { useServiceRequest } from '../hooks/use-service-request';
import type { DeskCommand } from '../types/desk-command';
import { AssignmentsSection } from './assignments-section';
import { ClosureSection } from './closure-section';
import { CustomerPhotosSection } from './customer-photos-section';
import { PriorityBadge } from './priority-badge';
import { RecordLink } from './record-link';
import { RequestActions } from './request-actions';
import { RequestOverview } from './request-overview';
import { RequestTimeline } from './request-timeline';
import { ShortcutsHelp } from './shortcuts-help';
import { StatusBadge } from './status-badge';

const requestPath = (id: string) => `/app/requests/${encodeURIComponent(id)}`;

/**
 * `/app/requests/:id`: the request as it stands, what can be done to it now, its service level's
 * clocks, its escalation, its asset's device (remote diagnosis), and its history.
 */
export function RequestDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('serviceRequests');
  const navigate = useNavigate();
  const request = useServiceRequest(id);
  // Remembered with the request it was done to: the page stays mounted from one request to the next.
  const [done, setDone] = useState<{ id: string; command: DeskCommand } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const data = request.data;
  useDocumentTitle(`${data?.reference ?? t('detail.title')} · Fieldstream`);
  useKeyboardShortcuts({ n: () => navigate('/app/requests/new') });
  // Arriving from the list, the keyboard lands on the request, not at the top of the frame.
  const loaded = data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded, id]);

  if (request.error && !data)
    return (
      <ProblemAlert
        error={request.error}
        overrides={{ notFound: { title: t('detail.notFound.title'), body: t('detail.notFound.body') } }}
      />
    );
  if (!data) return <Loader role="status" size="sm" aria-label={t('detail.loading')} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Anchor component={Link} to="/app/requests" size="sm">
          {t('detail.back')}
        </Anchor>
        <ShortcutsHelp shortcuts={['new']} />
      </Group>
      <Stack gap={6}>
        <Group gap="sm">
          <Title order={1} fz="h2" ref={headingRef} tabIndex={-1}>
            {data.reference}
          </Title>
          <StatusBadge status={data.status} suspendedFrom={data.suspendedFrom} />
          <PriorityBadge priority={data.priority} />
        </Group>
        <Group gap="md" component="p" m={0}>
          <Text size="sm" component="span">
            {t('fields.customer')}:{' '}
            <RecordLink plural="customers" code={data.customerCode} name={data.customerName} />
          </Text>
          <Text size="sm" component="span">
            {t('fields.site')}: <RecordLink plural="sites" code={data.siteCode} name={data.siteName} />
          </Text>
          {data.assetCode && (
            <Text size="sm" component="span">
              {t('fields.asset')}: <RecordLink plural="assets" code={data.assetCode} name={data.assetName} />
            </Text>
          )}
        </Group>
      </Stack>
      <RequestActions request={data} onDone={(command) => setDone({ id: data.id, command })} />
      {done?.id === data.id && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('detail.closeDone')}
          onClose={() => setDone(null)}
        >
          {t('detail.done', { command: t(`commands.${done.command}.title`) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <RequestOverview request={data} />
          <AssignmentsSection assignments={data.assignments} />
          {data.closure && <ClosureSection closure={data.closure} />}
          {(data.followUpOf || data.followUpRequestIds.length > 0) && (
            <Stack gap={4} component="section" aria-label={t('detail.followUps')}>
              <Title order={2} fz="h4">
                {t('detail.followUps')}
              </Title>
              {data.followUpOf && (
                <Text size="sm">
                  {t('detail.followUpOf')}{' '}
                  <Anchor component={Link} to={requestPath(data.followUpOf)}>
                    {referenceOf(data.followUpOf)}
                  </Anchor>
                </Text>
              )}
              {data.followUpRequestIds.map((followUp) => (
                <Text size="sm" key={followUp}>
                  {t('detail.followUp')}{' '}
                  <Anchor component={Link} to={requestPath(followUp)}>
                    {referenceOf(followUp)}
                  </Anchor>
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
        <Stack gap="md">
          <RequestSlaPanel requestId={data.id} />
          <RequestEscalationPanel requestId={data.id} reference={data.reference} />
          {data.assetCode && <DevicePanel assetCode={data.assetCode} requestId={data.id} />}
          <RequestTimeline requestId={data.id} />
          <CustomerPhotosSection requestId={data.id} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
