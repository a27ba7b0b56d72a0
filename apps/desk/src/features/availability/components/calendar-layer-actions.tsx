import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { downloadCalendarIcal, uploadCalendarIcal } from '../api/calendar-ical';
import type { AvailabilityLayer } from '../types/availability';

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export and import in iCalendar, for each layer that is one of our calendars. */
export function CalendarLayerActions({ layers }: { layers: AvailabilityLayer[] }) {
  const { t } = useTranslation('availability');
  const token = useSession().session?.token;
  const queryClient = useQueryClient();
  const calendars = [
    ...new Map(layers.filter((l) => l.source.kind === 'calendar').map((l) => [l.source.code, l])).values(),
  ];
  const exportIcal = useMutation({
    mutationFn: async (code: string) => saveBlob(await downloadCalendarIcal(code, token), `${code}.ics`),
  });
  const importIcal = useMutation({
    mutationFn: async ({ code, file }: { code: string; file: File }) =>
      uploadCalendarIcal(code, await file.text(), token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['availability'] }),
  });
  if (calendars.length === 0) return null;
  return (
    <Stack gap="xs">
      {calendars.map((layer) => (
        <Group key={layer.source.code} gap="xs" wrap="wrap">
          <Text size="sm" miw={200}>
            {t('ical.calendar', { name: layer.name, code: layer.source.code })}
          </Text>
          <Button
            size="xs"
            variant="default"
            loading={exportIcal.isPending && exportIcal.variables === layer.source.code}
            onClick={() => exportIcal.mutate(layer.source.code)}
            aria-label={t('ical.exportFor', { code: layer.source.code })}
          >
            {t('ical.export')}
          </Button>
          <FileButton
            accept=".ics,text/calendar"
            onChange={(file) => file && importIcal.mutate({ code: layer.source.code, file })}
          >
            {(props) => (
              <Button
                size="xs"
                variant="default"
                {...props}
                aria-label={t('ical.importFor', { code: layer.source.code })}
              >
                {t('ical.import')}
              </Button>
            )}
          </FileButton>
        </Group>
      ))}
      {importIcal.isSuccess && (
        <Text size="sm" c="green.8" role="status">
          {t('ical.imported', { code: importIcal.variables.code })}
        </Text>
      )}
      {exportIcal.error && <ProblemAlert error={exportIcal.error} />}
      {importIcal.error && <ProblemAlert error={importIcal.error} />}
    </Stack>
  );
}
