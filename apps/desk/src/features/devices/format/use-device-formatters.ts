import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type DeviceValue = number | string | boolean;

export interface DeviceFormatters {
  /** How long ago, on the screen's clock: `now`, `5 minutes ago`, `2 giorni fa`. */
  ago(instant: string, now: number): string;
  /** An episode's length: `40 sec`, `12 min`, `1 hr, 5 min`. */
  duration(ms: number): string;
  /** A value the device reported: numbers in the user's language, booleans in words. */
  value(value: DeviceValue): string;
  /** A count: `9,999`, `9.999`. */
  count(value: number): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a device says, in the user's language with `Intl` alone; memoised per language. */
export function useDeviceFormatters(): DeviceFormatters {
  const { t, i18n } = useTranslation('devices');
  const language = i18n.language;
  return useMemo(() => {
    const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
    const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const list = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
    const unit = (name: 'day' | 'hour' | 'minute' | 'second') =>
      new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' });
    const units = { day: unit('day'), hour: unit('hour'), minute: unit('minute'), second: unit('second') };
    return {
      ago: (instant, now) => {
        // A device's time is when we heard it: never in the future, whatever the screen's clock says.
        const past = Math.max(0, now - Date.parse(instant));
        if (past < 45_000) return relative.format(0, 'second');
        if (past < HOUR) return relative.format(-Math.max(1, Math.round(past / MINUTE)), 'minute');
        if (past < DAY) return relative.format(-Math.round(past / HOUR), 'hour');
        return relative.format(-Math.round(past / DAY), 'day');
      },
      duration: (ms) => {
        const total = Math.max(0, Math.round(ms / 1000));
        if (total < 60) return units.second.format(total);
        const minutes = Math.round(total / 60);
        const parts = [
          { unit: 'day' as const, value: Math.floor(minutes / 1440) },
          { unit: 'hour' as const, value: Math.floor((minutes % 1440) / 60) },
          { unit: 'minute' as const, value: minutes % 60 },
        ].filter((part) => part.value > 0);
        return list.format(parts.map((part) => units[part.unit].format(part.value)));
      },
      value: (value) =>
        typeof value === 'number'
          ? number.format(value)
          : typeof value === 'boolean'
            ? t(`bool.${value}`)
            : value,
      count: (value) => whole.format(value),
    };
  }, [language, t]);
}
