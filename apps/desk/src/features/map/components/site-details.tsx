import { Anchor, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MapSite } from '../types/map-site';
import type { MapZone } from '../types/map-zone';

export function SiteDetails({
  site,
  zone,
  customerName,
  onClose,
}: {
  site: MapSite;
  zone: MapZone | undefined;
  customerName: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('map');
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="map-site-title" data-testid="map-site-details">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} fz="h4" id="map-site-title">
          {site.name}
        </Title>
        <CloseButton onClick={onClose} aria-label={t('site.close')} />
      </Group>
      <Stack gap={4} mt="xs">
        <Text size="sm">{t('site.code', { code: site.code })}</Text>
        <Text size="sm">
          {t('site.customer', {
            customer: customerName ? `${customerName} (${site.customerCode})` : site.customerCode,
          })}
        </Text>
        <Text size="sm">
          {t('site.zone', {
            zone: zone ? `${zone.name} (${zone.code})` : (site.zoneCode ?? t('site.noZone')),
          })}
        </Text>
        {site.city && <Text size="sm">{t('site.city', { city: site.city })}</Text>}
        <Anchor component={Link} to={`/app/md/sites/${encodeURIComponent(site.code)}`} size="sm">
          {t('site.open')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
