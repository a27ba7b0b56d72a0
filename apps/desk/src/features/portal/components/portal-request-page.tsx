import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { formatMoment } from '../format/format-window';
import { usePortalRequest } from '../hooks/use-portal-request';
import { CommentForm } from './comment-form';
import { PhotosSection } from './photos-section';
import { RequestSteps } from './request-steps';
import { StageBadge } from './stage-badge';
import { VisitsPanel } from './visits-panel';

/**
 * `/app/portal/requests/:id`: one of the customer's requests. Where it stands and what that means,
 * the visit (when, who by first name, on the way), what was done once it is, the story so far,
 * the photos, and a comment for the desk. Live: the desk's and the technician's steps show here
 * as they happen.
 */
export function PortalRequestPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('portal');
  const me = useSession().session?.user.displayName;
  const request = usePortalRequest(id);
  const data = request.data;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(`${data?.reference ?? t('requests.title')} · Fieldstream`);
  const loaded = data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded, id]);

  const back = (
    <Anchor component={Link} to="/app/portal" size="sm">
      ← {t('request.back')}
    </Anchor>
  );
  if (request.error && !data)
    return (
      <Stack gap="md" maw={760} mx="auto" w="100%">
        {back}
        <ProblemAlert
          error={request.error}
          overrides={{ notFound: { title: t('request.notFoundTitle'), body: t('request.notFoundBody') } }}
        />
      </Stack>
    );
  if (!data) return <Loader role="status" size="sm" aria-label={t('request.loading')} />;
  const machine = data.assetName ?? data.assetCode;
  return (
    <Stack gap="lg" maw={760} mx="auto" w="100%" data-stage={data.stage}>
      {back}
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} fz="h2" ref={headingRef} tabIndex={-1}>
            {data.reference}
          </Title>
          <StageBadge stage={data.stage} />
        </Group>
        <Text>{t(`stageHint.${data.stage}`)}</Text>
        {machine && <Text size="sm">{t('common.equipment', { name: machine })}</Text>}
        <Text size="sm">{t('common.site', { name: data.siteName ?? data.siteCode })}</Text>
      </Stack>
      {data.visits.length > 0 && data.nextVisit && <VisitsPanel visits={data.visits} />}
      {data.outcome && (
        <Paper
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-labelledby="portal-outcome"
          bg="green.0"
        >
          <Title order={2} fz="h4" id="portal-outcome" mb={4}>
            {t('request.outcomeTitle')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{data.outcome.resolution}</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('request.outcomeAt', { date: formatMoment(data.outcome.at, i18n.language) })}
          </Text>
        </Paper>
      )}
      <Stack gap={4} component="section" aria-labelledby="portal-problem">
        <Title order={2} fz="h4" id="portal-problem">
          {t('request.problem')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{data.description}</Text>
        {data.reportedConditions.length > 0 && (
          <Text size="sm">
            {t('request.reported', { conditions: data.reportedConditions.map((c) => c.name).join(', ') })}
          </Text>
        )}
        {data.contactName && <Text size="sm">{t('request.contact', { name: data.contactName })}</Text>}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="portal-progress">
        <Title order={2} fz="h4" id="portal-progress">
          {t('request.progressTitle')}
        </Title>
        <RequestSteps steps={data.steps} {...(me !== undefined && { me })} />
      </Stack>
      <PhotosSection requestId={data.id} photos={data.photos} canAdd={data.canAddPhotos} />
      {data.canComment && <CommentForm requestId={data.id} />}
    </Stack>
  );
}
