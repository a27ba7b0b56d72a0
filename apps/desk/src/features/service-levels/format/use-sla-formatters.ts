import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeLeft, type DurationUnit } from './time-left';

export interface SlaFormatters {
  /** `12 min 30 sec left`, `overdue by 2 hr 5 min`. */
  countdown(deadline: string, now: number): string;
  /** A target or a delay in minutes: `4 hr`, `1 day 2 hr`, `45 min`. */
  minutes(total: number): string;
  /** `75%`. */
  percent(value: number): string;
  /** `€120.00` in the user's language. */
  money(amount: number, currency: string): string;
  /** A calendar day (`2026-11-27`) as it reads, in no zone: `27 Nov`. */
  day(isoDay: string): string;
}

const UNITS: readonly DurationUnit[] = ['day', 'hour', 'minute', 'second'];

/** Countdowns, durations, percentages and money in the user's language, with `Intl` alone. */
export function useSlaFormatters(): SlaFormatters {
  const { t, i18n } = useTranslation('serviceLevels');
  const language = i18n.language;
  return useMemo(() => {
    const unit = Object.fromEntries(
      UNITS.map((name) => [
        name,
        new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }),
      ]),
    ) as Record<DurationUnit, Intl.NumberFormat>;
    const list = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const partsText = (parts: { unit: DurationUnit; value: number }[]) =>
      list.format(parts.map((part) => unit[part.unit].format(part.value)));
    return {
      countdown: (deadline, now) => {
        const left = timeLeft(deadline, now);
        const duration = partsText(left.parts);
        return left.overdue ? t('countdown.overdue', { duration }) : t('countdown.left', { duration });
      },
      minutes: (total) => {
        const whole = Math.max(0, Math.round(total));
        const d = Math.floor(whole / 1440);
        const h = Math.floor((whole % 1440) / 60);
        const m = whole % 60;
        const parts = [
          ...(d > 0 ? [{ unit: 'day' as const, value: d }] : []),
          ...(h > 0 ? [{ unit: 'hour' as const, value: h }] : []),
          ...(m > 0 ? [{ unit: 'minute' as const, value: m }] : []),
        ];
        return partsText(parts.length > 0 ? parts : [{ unit: 'minute', value: 0 }]);
      },
      percent: (value) => percent.format(value / 100),
      money: (amount, currency) => {
        try {
          return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
        } catch {
          return `${amount} ${currency}`;
        }
      },
      day: (isoDay) => day.format(new Date(`${isoDay}T00:00:00Z`)),
    };
  }, [language, t]);
}
