/**
 * How the analytics write numbers, shares, minutes, growth and periods: Intl in the current language's
 * locale (ru-RU: «1 234», «12,5 %», «8,3 мин», «+4,2 %», «1–30 ноября 2026 г.»). Null stays null: the
 * caller shows «нет данных» for it. Pure; `useAnalyticsFormat()` binds it to the app's language.
 */
import { useMemo } from 'react';
import { useT } from '../app/i18n/index.js';

export type AnalyticsFormat = ReturnType<typeof analyticsFormat>;

const utc = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

export function analyticsFormat(locale: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const growth = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const minutes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  });
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const orNull =
    <T>(f: (v: T) => string) =>
    (v: T | null | undefined): string | null =>
      v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : f(v);
  return {
    integer: orNull((n: number) => integer.format(n)),
    decimal: orNull((n: number) => decimal.format(n)),
    percent: orNull((n: number) => percent.format(n)),
    growth: orNull((n: number) => growth.format(n)),
    minutes: orNull((n: number) => minutes.format(n)),
    /** «1–30 ноября 2026 г.»: a period of dates, inclusive. */
    period: (from: string, to: string) =>
      from === to ? day.format(utc(from)) : day.formatRange(utc(from), utc(to)),
    /** A month key (`2026-11` or `2026-11-01`): «ноябрь 2026 г.»; `short`: «нояб. 26». */
    month: (key: string, short = false) => {
      if (!/^\d{4}-\d{2}/.test(key)) return key;
      const date = utc(`${key.slice(0, 7)}-01`);
      return short ? shortMonth.format(date) : month.format(date);
    },
    /** A day key `2026-11-30`: «30 нояб.». */
    day: (key: string) => (/^\d{4}-\d{2}-\d{2}/.test(key) ? shortDay.format(utc(key)) : key),
  };
}

export function useAnalyticsFormat(): AnalyticsFormat {
  const { locale } = useT();
  return useMemo(() => analyticsFormat(locale), [locale]);
}
