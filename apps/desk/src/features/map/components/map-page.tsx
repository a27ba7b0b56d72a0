import { Alert, Box, Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { fetchMapData } from '../api/fetch-map-data';
import { dataBounds } from '../geo/data-bounds';
import { filterMapData } from '../geo/filter-map-data';
import { unitColours } from '../geo/unit-colour';
import { useTileProbe } from '../hooks/use-tile-probe';
import { SiteDetails } from './site-details';
import { ZonesSitesMap } from './zones-sites-map';

const TILE_PROBE_URL = 'https://tile.openstreetmap.org/0/0/0.png';

/** Zones coloured by unit and sites as dots, filtered by unit and customer. */
export function MapPage() {
  const { t } = useTranslation('map');
  useDocumentTitle(t('documentTitle'));
  const token = useSession().session?.token;
  const data = useQuery({ queryKey: ['map', 'data'], queryFn: ({ signal }) => fetchMapData(token, signal) });
  const tiles = useTileProbe(TILE_PROBE_URL);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [customer, setCustomer] = useState('');
  const [debouncedCustomer] = useDebouncedValue(customer, 200);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);

  const all = data.data;
  const colours = useMemo(() => unitColours((all?.zones ?? []).map((zone) => zone.unitCode)), [all]);
  const shown = useMemo(
    () =>
      filterMapData(
        all?.zones ?? [],
        all?.sites ?? [],
        { unitCode, customer: debouncedCustomer },
        all?.customerNames,
      ),
    [all, unitCode, debouncedCustomer],
  );
  const bounds = useMemo(() => dataBounds(shown.zones, shown.sites), [shown]);
  const selected = shown.sites.find((site) => site.code === selectedCode);
  const zonesByCode = useMemo(() => new Map((all?.zones ?? []).map((zone) => [zone.code, zone])), [all]);

  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        {t('heading')}
      </Title>
      {data.error && <ProblemAlert error={data.error} />}
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('filter.unit')}
          placeholder={t('filter.allUnits')}
          data={[...colours.keys()]}
          value={unitCode}
          onChange={setUnitCode}
          clearable
          searchable
          w={220}
        />
        <TextInput
          label={t('filter.customer')}
          placeholder={t('filter.customerPlaceholder')}
          value={customer}
          onChange={(event) => setCustomer(event.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('filter.site')}
          placeholder={t('filter.sitePlaceholder')}
          data={shown.sites
            .slice(0, 1000)
            .map((site) => ({ value: site.code, label: `${site.name} (${site.code})` }))}
          value={selectedCode}
          onChange={setSelectedCode}
          searchable
          clearable
          limit={50}
          w={300}
        />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {data.isPending
          ? t('loading')
          : t('summary', { zones: shown.zones.length, sites: shown.sites.length })}
      </Text>
      {tiles === 'unavailable' && (
        <Alert color="gray" variant="light" p="xs" data-testid="map-tiles-unavailable">
          <Text size="sm">{t('tilesUnavailable')}</Text>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Box role="region" aria-label={t('mapLabel')} h={560}>
            <ZonesSitesMap
              zones={shown.zones}
              sites={shown.sites}
              colours={colours}
              bounds={bounds}
              tiles={tiles}
              selected={selected}
              onSelectSite={setSelectedCode}
              zoneLabel={(zone) => t('zoneTooltip', { name: zone.name, unit: zone.unitCode })}
            />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {selected ? (
            <SiteDetails
              site={selected}
              zone={selected.zoneCode ? zonesByCode.get(selected.zoneCode) : undefined}
              customerName={all?.customerNames.get(selected.customerCode)}
              onClose={() => setSelectedCode(null)}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('site.hint')}
            </Text>
          )}
          <Stack gap={4} mt="md" aria-label={t('legend')} role="list">
            {[...colours.entries()].map(([unit, colour]) => (
              <Group key={unit} gap={6} role="listitem">
                <Box w={12} h={12} style={{ background: colour, borderRadius: 2 }} aria-hidden />
                <Text size="xs">{unit}</Text>
              </Group>
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
