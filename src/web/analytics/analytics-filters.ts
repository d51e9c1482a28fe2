/**
 * The analytics view's filters as they live in the address (pure): `from`, `to`, `district`, `office`,
 * `service` — the API's own names, so the query string of the page is the query of every figure — and
 * `place` (district or office: the rows of the «by place» table). The quick periods are computed from
 * today's date in the region's time zone.
 */
import type { AnalyticsFilter } from '../../shared/analytics.js';
import { addDays, monthStart } from '../../shared/analytics-period.js';

export const filterFields = ['from', 'to', 'district', 'office', 'service'] as const;
export type FilterField = (typeof filterFields)[number];
/** What the view asks the API: the filters that are set (no format: JSON). */
export type ViewFilter = Partial<Pick<AnalyticsFilter, FilterField>>;

export const placeKinds = ['district', 'office'] as const;
export type PlaceKind = (typeof placeKinds)[number];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const codeText = /^[\w.-]{1,64}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The filters in an address; a value that cannot be one (a malformed date, a stray code) is left out. */
export function filterOf(params: URLSearchParams): ViewFilter {
  const filter: ViewFilter = {};
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && isIsoDate(value)) filter[key] = value;
  }
  for (const key of ['district', 'office', 'service'] as const) {
    const value = params.get(key)?.trim();
    if (value && codeText.test(value)) filter[key] = value;
  }
  return filter;
}

export function placeOf(params: URLSearchParams, fallback: PlaceKind): PlaceKind {
  const value = params.get('place');
  return value === 'district' || value === 'office' ? value : fallback;
}

/** The address of a view: the filters in a fixed order, then the rest of `keep` (place) untouched. */
export function searchOf(filter: ViewFilter, keep?: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of filterFields) {
    const value = filter[key];
    if (value) next.set(key, value);
  }
  const place = keep?.get('place');
  if (place) next.set('place', place);
  return next;
}

/** Dates in the wrong order are the one thing the form refuses (the API would too). */
export function periodProblem(filter: ViewFilter): 'order' | null {
  return filter.from && filter.to && filter.from > filter.to ? 'order' : null;
}

export const presets = ['thisMonth', 'lastMonth', 'thisYear', 'last12Months'] as const;
export type Preset = (typeof presets)[number];

/** A quick period ending today (or at the end of last month), dates inclusive. */
export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart(today), to: today };
    case 'lastMonth': {
      const to = addDays(monthStart(today), -1);
      return { from: monthStart(to), to };
    }
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'last12Months': {
      // the current month and the eleven before it: twelve whole bars on the chart by month
      let first = monthStart(today);
      for (let i = 0; i < 11; i++) first = monthStart(addDays(first, -1));
      return { from: first, to: today };
    }
  }
}

/** Which quick period the filter is, if any (its button shows pressed). */
export function presetOf(filter: ViewFilter, today: string): Preset | null {
  if (!filter.from || !filter.to) return null;
  return (
    presets.find((p) => {
      const period = presetPeriod(p, today);
      return period.from === filter.from && period.to === filter.to;
    }) ?? null
  );
}

/** Today's date (YYYY-MM-DD) on the wall clock of `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
