import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mapsLinks } from '../agenda/maps-links';

/** An address with links to navigate there, when the site's position is known. */
export function SiteAddress({
  address,
  latitude,
  longitude,
}: {
  address: string | undefined;
  latitude: number | undefined;
  longitude: number | undefined;
}) {
  const { t } = useTranslation('technician');
  const links = mapsLinks(latitude, longitude);
  if (!address && !links) return null;
  return (
    <Stack gap={2}>
      {address && <Text style={{ overflowWrap: 'anywhere' }}>{address}</Text>}
      {links && (
        <Group gap="md">
          <Anchor href={links.geo} py={10} aria-label={t('maps.navigateTo', { place: address ?? '' })}>
            {t('maps.navigate')}
          </Anchor>
          <Anchor
            href={links.web}
            target="_blank"
            rel="noopener noreferrer"
            py={10}
            aria-label={t('maps.mapOf', { place: address ?? '' })}
          >
            {t('maps.map')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
