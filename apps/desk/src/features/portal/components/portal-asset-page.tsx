import { Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { formatDay, formatMoment, formatWindow } from '../format/format-window';
import { newRequestPath } from '../format/request-link';
import { usePortalAsset } from '../hooks/use-portal-asset';
import { portalAssetLabelPath } from './asset-links';
import { portalRequestPath } from './request-card';
import { StageBadge } from './stage-badge';

/**
 * `/app/portal/assets/:code`: one machine and its service history, newest first: each request,
 * the visits made (when, by whom by first name) and what was done.
 */
export function PortalAssetPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('portal');
  const asset = usePortalAsset(code);
  const data = asset.data;
  const name = data ? (data.asset.name ?? data.asset.modelName ?? data.asset.code) : code;
  useDocumentTitle(`${name} · Fieldstream`);
  const back = (
    <Anchor component={Link} to="/app/portal/assets" size="sm">
      ← {t('asset.back')}
    </Anchor>
  );
  if (asset.error && !data)
    return (
      <Stack gap="md" maw={760} mx="auto" w="100%">
        {back}
        <ProblemAlert
          error={asset.error}
          overrides={{ notFound: { title: t('asset.notFoundTitle'), body: t('asset.notFoundBody') } }}
        />
      </Stack>
    );
  if (!data) return <Loader role="status" size="sm" aria-label={t('asset.loading')} />;
  return (
    <Stack gap="lg" maw={760} mx="auto" w="100%">
      {back}
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {name}
        </Title>
        <Text size="sm">{t('common.serial', { code: data.asset.code })}</Text>
        {data.asset.modelName && <Text size="sm">{t('common.model', { model: data.asset.modelName })}</Text>}
        <Text size="sm">
          {t('common.site', {
            name: data.site.address ? `${data.site.name}, ${data.site.address}` : data.site.name,
          })}
        </Text>
        {data.asset.installedOn && (
          <Text size="sm">
            {t('asset.installedOn', { date: formatDay(data.asset.installedOn, i18n.language) })}
          </Text>
        )}
      </Stack>
      <Group gap="xs" wrap="wrap">
        <Button component={Link} to={newRequestPath(data.asset.code)}>
          {t('asset.report')}
        </Button>
        <Button component={Link} to={portalAssetLabelPath(data.asset.code)} variant="default">
          {t('asset.label')}
        </Button>
      </Group>
      <Stack gap="sm" component="section" aria-labelledby="portal-asset-history">
        <Title order={2} fz="h3" id="portal-asset-history">
          {t('asset.historyTitle')}
        </Title>
        {data.history.length === 0 ? (
          <Text>{t('asset.noHistory')}</Text>
        ) : (
          data.history.map((entry) => (
            <Card
              withBorder
              radius="md"
              padding="md"
              key={entry.id}
              component="article"
              data-request={entry.id}
            >
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor component={Link} to={portalRequestPath(entry.id)} fw={700}>
                    {entry.reference}
                  </Anchor>
                  <StageBadge stage={entry.stage} />
                </Group>
                <Text size="sm" c="dimmed">
                  {t('card.opened', { date: formatMoment(entry.openedAt, i18n.language) })}
                </Text>
                <Text lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                  {entry.description}
                </Text>
                {entry.visits.map((visit) => (
                  <Text size="sm" key={`${visit.start}-${visit.technicianFirstName ?? ''}`}>
                    {t('asset.visit', {
                      window: formatWindow(visit.start, visit.end, i18n.language),
                      name: visit.technicianFirstName ?? t('common.technician'),
                    })}
                  </Text>
                ))}
                {entry.outcome && (
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {t('asset.outcome', { resolution: entry.outcome.resolution })}
                  </Text>
                )}
              </Stack>
            </Card>
          ))
        )}
      </Stack>
    </Stack>
  );
}
