import { describe, expect, it } from 'vitest';
import {
  filterOf,
  isIsoDate,
  periodProblem,
  placeOf,
  presetOf,
  presetPeriod,
  searchOf,
  todayIn,
} from './analytics-filters.js';

describe('the view’s filters in the address', () => {
  it('reads the filters that are set and drops what cannot be one', () => {
    const params = new URLSearchParams(
      'from=2026-11-01&to=2026-02-30&district=lipetsk-city&office=&service=a%20b&place=office&x=1',
    );
    expect(filterOf(params)).toEqual({ from: '2026-11-01', district: 'lipetsk-city' });
  });

  it('writes them back in a fixed order and keeps the table’s place', () => {
    const keep = new URLSearchParams('place=office&office=old');
    const next = searchOf({ to: '2026-11-30', from: '2026-11-01', office: 'lip-kosmonavtov' }, keep);
    expect(next.toString()).toBe('from=2026-11-01&to=2026-11-30&office=lip-kosmonavtov&place=office');
  });

  it('takes the place from the address or the fallback', () => {
    expect(placeOf(new URLSearchParams('place=office'), 'district')).toBe('office');
    expect(placeOf(new URLSearchParams('place=planet'), 'district')).toBe('district');
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('order');
    expect(periodProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(periodProblem({ from: '2026-11-01' })).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});

describe('the quick periods', () => {
  it('computes this month, last month, this year and the last twelve months', () => {
    expect(presetPeriod('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('thisYear', '2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(presetPeriod('last12Months', '2026-03-15')).toEqual({ from: '2025-04-01', to: '2026-03-15' });
  });

  it('recognises a quick period in the filter', () => {
    expect(presetOf({ from: '2026-02-01', to: '2026-02-28' }, '2026-03-15')).toBe('lastMonth');
    expect(presetOf({ from: '2026-02-01', to: '2026-02-27' }, '2026-03-15')).toBeNull();
    expect(presetOf({}, '2026-03-15')).toBeNull();
  });

  it('takes today on the region’s clock, not the browser’s', () => {
    const lateEvening = new Date('2026-11-30T22:30:00Z');
    expect(todayIn('Europe/Moscow', lateEvening)).toBe('2026-12-01');
    expect(todayIn('UTC', lateEvening)).toBe('2026-11-30');
  });
});
