import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { newRequestUrl } from '../format/request-link';
import { usePortalAsset } from '../hooks/use-portal-asset';
import { portalAssetPath } from './asset-links';
import classes from './asset-label.module.css';
import { AssetQrCode } from './asset-qr-code';

/**
 * `/app/portal/assets/:code/label`: a label to print and stick on the machine. Its QR code opens
 * the portal's new-request form with this machine chosen (after signing in, the sign-in page
 * sends the customer back there). On paper, only the label.
 */
export function AssetLabelPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('portal');
  useDocumentTitle(t('label.documentTitle'));
  const asset = usePortalAsset(code);
  const data = asset.data;
  if (asset.error && !data)
    return (
      <ProblemAlert
        error={asset.error}
        overrides={{ notFound: { title: t('asset.notFoundTitle'), body: t('asset.notFoundBody') } }}
      />
    );
  if (!data) return <Loader role="status" size="sm" aria-label={t('asset.loading')} />;
  const url = newRequestUrl(data.asset.code, window.location.origin);
  const name = data.asset.name ?? data.asset.modelName ?? data.asset.code;
  return (
    <Stack gap="md" maw={760} mx="auto" w="100%">
      <Stack gap="xs" className={classes.screenOnly}>
        <Anchor component={Link} to={portalAssetPath(data.asset.code)} size="sm">
          ← {t('label.back')}
        </Anchor>
        <Title order={1} fz="h2">
          {t('label.title')}
        </Title>
        <Text>{t('label.instructions')}</Text>
        <Group>
          <Button onClick={() => window.print()}>{t('label.print')}</Button>
        </Group>
      </Stack>
      <section className={classes.label} aria-label={t('label.title')} data-testid="asset-label">
        <Stack gap={6} align="center">
          <Text fw={700} size="lg" ta="center">
            {t('label.scan')}
          </Text>
          <AssetQrCode url={url} alt={t('label.qrAlt', { url })} />
          <Text fw={700} size="xl" ta="center">
            {name}
          </Text>
          <Text ta="center">{t('common.serial', { code: data.asset.code })}</Text>
          {data.asset.modelName && (
            <Text ta="center">{t('common.model', { model: data.asset.modelName })}</Text>
          )}
          <Text ta="center">
            {data.site.address ? `${data.site.name}, ${data.site.address}` : data.site.name}
          </Text>
          <Text className={classes.url} ta="center">
            {url}
          </Text>
        </Stack>
      </section>
    </Stack>
  );
}
