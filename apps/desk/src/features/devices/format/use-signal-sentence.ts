import type { DeviceSignalEntryView } from '@fieldstream/api-contract';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceOf } from '../../service-requests/format/reference-of';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useDeviceFormatters, type DeviceValue } from './use-device-formatters';

/** A status's values said in one line; the rest are on the last status's own list. */
const VALUES_IN_A_SENTENCE = 5;

/**
 * One signal as a sentence in the user's language: `E104 raised (critical): Burner lockout`,
 * `E104 repeated 9,999 times`, `E104 cleared after 12 min`, `State: fault — flowTemperature 92.5`.
 * `older` are the signals before it (newest first), where a clearing finds when its episode began.
 */
export function useSignalSentence(): (
  entry: DeviceSignalEntryView,
  older: DeviceSignalEntryView[],
) => string {
  const { t } = useTranslation('devices');
  const format = useFormatters();
  const device = useDeviceFormatters();
  return useCallback(
    (entry, older) => {
      const code = entry.code ?? '';
      const withMessage = (text: string) =>
        entry.message ? t('signals.withMessage', { text, message: entry.message }) : text;
      switch (entry.type) {
        case 'DeviceAnomalyRaised': {
          const severity = t(`severityWord.${entry.severity ?? 'warning'}`, {
            defaultValue: entry.severity ?? '',
          });
          const count = entry.count ?? 1;
          return withMessage(
            count > 1
              ? t('signals.raisedTimes', { code, severity, times: device.count(count) })
              : t('signals.raised', { code, severity }),
          );
        }
        case 'DeviceAnomalyRepeated': {
          const count = entry.count ?? 1;
          // Chosen here, not by i18next's plurals: Italian's "many" (a million) has no form of its own.
          return count === 1
            ? t('signals.repeatedOnce', { code })
            : t('signals.repeated', { code, times: device.count(count) });
        }
        case 'DeviceAnomalyCleared': {
          const raised = older.find((other) => other.type === 'DeviceAnomalyRaised' && other.code === code);
          return withMessage(
            raised
              ? t('signals.clearedAfter', {
                  code,
                  duration: device.duration(Date.parse(entry.at) - Date.parse(raised.at)),
                })
              : t('signals.cleared', { code }),
          );
        }
        case 'DeviceStatusReported': {
          const state = entry.state ?? '';
          const values = Object.entries(entry.values ?? {});
          if (values.length === 0) return t('signals.status', { state });
          const said = values
            .slice(0, VALUES_IN_A_SENTENCE)
            .map(([name, value]: [string, DeviceValue]) => `${name} ${device.value(value)}`)
            .join(', ');
          const more = values.length - VALUES_IN_A_SENTENCE;
          return t('signals.statusValues', {
            state,
            values: more > 0 ? t('signals.moreValues', { values: said, more: device.count(more) }) : said,
          });
        }
        case 'DeviceWentSilent':
          return t('signals.silent', { time: format.dateTime(entry.at) });
        case 'DeviceBackOnline':
          return t('signals.backOnline');
        case 'DeviceRequestLinked':
          return t('signals.linked', { reference: entry.requestId ? referenceOf(entry.requestId) : '' });
        default:
          // A signal this desk does not know yet: its name, rather than nothing.
          return code ? `${entry.type} ${code}` : entry.type;
      }
    },
    [t, format, device],
  );
}
