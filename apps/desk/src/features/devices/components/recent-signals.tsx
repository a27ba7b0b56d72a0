import type { DeviceSignalEntryView } from '@fieldstream/api-contract';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useDeviceFormatters } from '../format/use-device-formatters';
import { useSignalSentence } from '../format/use-signal-sentence';

/** Signals shown at first, and how many more each "show more" adds: a panel, not a log. */
const FIRST_SHOWN = 5;
const MORE_SHOWN = 10;

/** What the device said lately, newest first, in sentences; the rest behind "show more". */
export function RecentSignals({ signals }: { signals: DeviceSignalEntryView[] }) {
  const { t } = useTranslation('devices');
  const format = useFormatters();
  const device = useDeviceFormatters();
  const sentence = useSignalSentence();
  const titleId = useId();
  const listId = useId();
  const [shown, setShown] = useState(FIRST_SHOWN);
  const left = signals.length - shown;
  return (
    <Stack gap={6} component="section" aria-labelledby={titleId}>
      <Title order={3} fz="sm" id={titleId}>
        {t('signals.title')}
      </Title>
      {signals.length === 0 ? (
        <Text size="sm">{t('signals.none')}</Text>
      ) : (
        <>
          <Stack
            component="ol"
            id={listId}
            gap={4}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-labelledby={titleId}
            data-testid="device-signals"
          >
            {signals.slice(0, shown).map((signal, index) => (
              <li key={`${signal.at}-${signal.type}-${signal.code ?? ''}-${index}`} data-type={signal.type}>
                <Text size="sm" component="span" display="block">
                  {sentence(signal, signals.slice(index + 1))}
                </Text>
                <Text size="xs" c="dimmed" component="span" display="block">
                  <time dateTime={signal.at}>{format.dateTime(signal.at)}</time>
                </Text>
              </li>
            ))}
          </Stack>
          {signals.length > FIRST_SHOWN && (
            <Button
              variant="subtle"
              size="compact-sm"
              style={{ alignSelf: 'flex-start' }}
              aria-controls={listId}
              onClick={() => setShown(left > 0 ? shown + MORE_SHOWN : FIRST_SHOWN)}
            >
              {left > 0 ? t('signals.showMore', { left: device.count(left) }) : t('signals.showFewer')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
