import type { PortalAsset } from '@fieldstream/api-contract';
import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { formatMoment } from '../format/format-window';
import { newRequestPath } from '../format/request-link';
import { usePortalAssets } from '../hooks/use-portal-assets';
import { portalAssetLabelPath, portalAssetPath } from './asset-links';

function AssetCard({ asset }: { asset: PortalAsset }) {
  const { t, i18n } = useTranslation('portal');
  const name = asset.name ?? asset.modelName ?? asset.code;
  return (
    <Card withBorder radius="md" padding="md" component="article" data-asset={asset.code}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor
            component={Link}
            to={portalAssetPath(asset.code)}
            fw={700}
            size="lg"
            aria-label={t('assets.history', { name })}
          >
            {name}
          </Anchor>
          {asset.openRequests > 0 ? (
            <Badge color="blue.8" variant="filled" tt="none">
              {t('assets.openRequests', { count: asset.openRequests })}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('assets.noOpenRequests')}
            </Text>
          )}
        </Group>
        <Text size="sm">{t('common.serial', { code: asset.code })}</Text>
        {asset.modelName && <Text size="sm">{t('common.model', { model: asset.modelName })}</Text>}
        <Text size="sm" c="dimmed">
          {asset.lastVisitAt
            ? t('assets.lastVisit', { date: formatMoment(asset.lastVisitAt, i18n.language) })
            : t('assets.noVisit')}
        </Text>
        <Group gap="xs" mt={4} wrap="wrap">
          <Button
            component={Link}
            to={newRequestPath(asset.code)}
            size="sm"
            aria-label={t('assets.report', { name })}
          >
            {t('asset.report')}
          </Button>
          <Button
            component={Link}
            to={portalAssetLabelPath(asset.code)}
            size="sm"
            variant="default"
            aria-label={t('assets.label', { name })}
          >
            {t('asset.label')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** `/app/portal/assets`: the customer's sites, each with its equipment, history and request labels. */
export function MyAssetsPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('assets.documentTitle'));
  const book = usePortalAssets();
  return (
    <Stack gap="lg" maw={760} mx="auto" w="100%">
      <Title order={1} fz="h2">
        {t('assets.title')}
      </Title>
      <Text>{t('assets.intro')}</Text>
      {book.error ? (
        <ProblemAlert error={book.error} />
      ) : !book.data ? (
        <Loader role="status" size="sm" aria-label={t('common.loading')} />
      ) : book.data.sites.length === 0 ? (
        <Text>{t('assets.empty')}</Text>
      ) : (
        book.data.sites.map((site) => (
          <Stack gap="sm" key={site.code} component="section" aria-labelledby={`portal-site-${site.code}`}>
            <div>
              <Title order={2} fz="h3" id={`portal-site-${site.code}`}>
                {site.name}
              </Title>
              {site.address && (
                <Text size="sm" c="dimmed">
                  {site.address}
                </Text>
              )}
            </div>
            {site.assets.length === 0 ? (
              <Text size="sm">{t('assets.noAssets')}</Text>
            ) : (
              site.assets.map((asset) => <AssetCard key={asset.code} asset={asset} />)
            )}
          </Stack>
        ))
      )}
    </Stack>
  );
}
