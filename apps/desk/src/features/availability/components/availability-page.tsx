import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { fetchAvailability } from '../api/fetch-availability';
import { type AvailabilityEventLabels, availabilityEvents } from '../calendar/availability-events';
import { paddedRange } from '../calendar/padded-range';
import { AvailabilityCalendar } from './availability-calendar';
import { AvailabilityLegend } from './availability-legend';
import { CalendarLayerActions } from './calendar-layer-actions';
import { RecordPicker } from './record-picker';

/** A technician's and/or a site's availability layers, week by week. */
export function AvailabilityPage() {
  const { t, i18n } = useTranslation('availability');
  useDocumentTitle(t('documentTitle'));
  const token = useSession().session?.token;
  const [technician, setTechnician] = useState<string | null>(null);
  const [site, setSite] = useState<string | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const onRange = useCallback((start: Date, end: Date) => {
    const next = paddedRange(start, end);
    setRange((current) => (current?.from === next.from && current.to === next.to ? current : next));
  }, []);
  const chosen = technician !== null || site !== null;
  const availability = useQuery({
    queryKey: ['availability', technician, site, range?.from, range?.to],
    queryFn: ({ signal }) =>
      fetchAvailability({ technician, site, from: range?.from ?? '', to: range?.to ?? '' }, token, signal),
    enabled: chosen && range !== null,
    placeholderData: keepPreviousData,
  });
  const data = chosen ? availability.data : undefined;
  const timeZone = data?.technician?.timeZone ?? data?.site?.timeZone ?? 'UTC';
  const labels = useMemo<AvailabilityEventLabels>(
    () => ({
      open: (layer) => t('event.open', { layer }),
      closure: (reason, layer) => t('event.closure', { reason, layer }),
      holiday: (name) => t('event.holiday', { name }),
      available: (side) => t('event.available', { side }),
      both: () => t('event.both'),
    }),
    [t],
  );
  const events = useMemo(() => (data ? availabilityEvents(data, labels) : []), [data, labels]);
  const layers = [...(data?.technician?.layers ?? []), ...(data?.site?.layers ?? [])];

  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        {t('heading')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <RecordPicker
          plural="technicians"
          label={t('picker.technician')}
          placeholder={t('picker.search')}
          value={technician}
          onChange={setTechnician}
        />
        <RecordPicker
          plural="sites"
          label={t('picker.site')}
          placeholder={t('picker.search')}
          value={site}
          onChange={setSite}
        />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {!chosen ? t('pickFirst') : availability.isFetching ? t('loading') : t('timeZone', { timeZone })}
      </Text>
      {availability.error && <ProblemAlert error={availability.error} />}
      <AvailabilityLegend />
      <Paper withBorder p="sm" radius="md">
        <AvailabilityCalendar
          events={events}
          timeZone={timeZone}
          language={i18n.language}
          todayText={t('today')}
          onRange={onRange}
        />
      </Paper>
      {layers.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h4" mb="xs">
            {t('ical.heading')}
          </Title>
          <CalendarLayerActions layers={layers} />
        </Paper>
      )}
    </Stack>
  );
}
