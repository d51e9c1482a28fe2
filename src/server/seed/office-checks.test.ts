import { buildOfficeFile, buildServiceFile } from '../../../tests/support/region-files.js';
import type { OfficeFile } from '../../shared/region-data.js';
import { checkOffice, type OfficeContext } from './office-checks.js';

const passport = buildServiceFile({ code: 'passport', category: 'passports' });
const pension = buildServiceFile({ code: 'pension', category: 'pension', remote: true });
const draft = buildServiceFile({ code: 'old', category: 'passports', status: 'draft' });
const context: OfficeContext = {
  codes: {
    districts: new Set(['town']),
    services: new Set(['passport', 'pension', 'old']),
    categories: new Set(['passports', 'pension', 'taxes']),
  },
  services: new Map([passport, pension, draft].map((s) => [s.code, s])),
  allServices: true,
};

/** The problems of one office as [severity, field, message]. */
function check(office: Partial<OfficeFile>, ctx = context): [string, string, string][] {
  const found: [string, string, string][] = [];
  checkOffice(buildOfficeFile(office), ctx, (field, message, severity = 'error') =>
    found.push([severity, typeof field === 'string' ? field : field.join('.'), message]),
  );
  return found;
}

describe('checkOffice', () => {
  it('finds no problem in a coherent office', () => {
    expect(check({})).toEqual([]);
  });

  it('refuses an unknown district, time zone, and lat without lon', () => {
    expect(check({ district: 'village', timeZone: 'Mars/Olympus', lat: 52.6 })).toEqual([
      ['error', 'district', 'unknown district "village"'],
      ['error', 'timeZone', 'unknown time zone "Mars/Olympus"'],
      ['error', 'lon', 'lat and lon go together'],
    ]);
  });

  it('refuses an unknown service in its list; warns of a repeat, a draft, and a non-remote service in a remote office', () => {
    expect(check({ kind: 'remote', services: ['pension', 'ghost', 'pension', 'old', 'passport'] })).toEqual([
      ['error', 'services.1', 'unknown service "ghost"'],
      ['warning', 'services.2', 'service "pension" listed twice'],
      ['warning', 'services.3', 'a draft service "old"'],
      ['warning', 'services.3', 'a remote office lists "old", a service not marked remote'],
      ['warning', 'services.4', 'a remote office lists "passport", a service not marked remote'],
    ]);
  });

  it('refuses a window serving what the office does not offer, and a repeated window number', () => {
    const windows = [
      { number: 1, label: 'Окно 1', services: ['pension', 'ghost'], categories: ['taxes', 'nope'] },
      { number: 1, label: 'Окно 1 ещё раз', services: [], categories: [] },
    ];
    expect(check({ services: ['passport'], windows })).toEqual([
      ['error', 'windows.0.services.0', 'service "pension" is not offered by the office'],
      ['error', 'windows.0.services.1', 'unknown service "ghost"'],
      ['warning', 'windows.0.categories.0', 'the office offers no service of category "taxes"'],
      ['error', 'windows.0.categories.1', 'unknown category "nope"'],
      ['error', 'windows.1.number', 'duplicate window number 1'],
    ]);
  });

  it('counts "all" as every published service, drafts left out', () => {
    const windows = [{ number: 1, label: 'Окно', services: ['passport', 'pension', 'old'], categories: [] }];
    expect(check({ services: 'all', windows })).toEqual([
      ['error', 'windows.0.services.2', 'service "old" is not offered by the office'],
    ]);
  });

  it('does not judge what an office offers while a service of the region could not be read', () => {
    const partial = { ...context, services: new Map([[passport.code, passport]]), allServices: false };
    const windows = [{ number: 1, label: 'Окно', services: ['pension'], categories: ['taxes'] }];
    expect(check({ services: 'all', windows }, partial)).toEqual([]);
    expect(check({ services: [], windows: [] }, partial)).toEqual([['warning', 'windows', 'no windows']]);
  });

  it('refuses hours that close before they open, a break outside them, and overlapping intervals', () => {
    const hours = [
      { weekday: 1, opens: '09:00', closes: '08:00' },
      { weekday: 2, opens: '09:00', closes: '18:00', breakStart: '08:00', breakEnd: '08:30' },
      { weekday: 3, opens: '09:00', closes: '13:00' },
      { weekday: 3, opens: '12:00', closes: '18:00' },
      { weekday: 4, opens: '09:00', closes: '18:00', breakStart: '13:00' },
      { weekday: 5, opens: '09:00', closes: '18:00', breakStart: '14:00', breakEnd: '13:00' },
    ];
    expect(check({ hours })).toEqual([
      ['error', 'hours.0.closes', 'closes at 08:00, not after it opens at 09:00'],
      ['error', 'hours.1.breakStart', 'the break 08:00–08:30 is not within 09:00–18:00'],
      ['error', 'hours.3.opens', 'overlaps another interval of weekday 3'],
      ['error', 'hours.4.breakEnd', 'breakStart and breakEnd go together'],
      ['error', 'hours.5.breakEnd', 'the break ends at 13:00, not after it starts'],
    ]);
  });

  it('refuses an exception of hours without both times, or closing before it opens, and a repeated date', () => {
    const exceptions = [
      { date: '2026-03-07', kind: 'hours' as const, opens: '09:00' },
      { date: '2026-03-07', kind: 'closed' as const, closes: '12:00' },
      { date: '2026-03-09', kind: 'hours' as const, opens: '12:00', closes: '10:00' },
    ];
    expect(check({ exceptions })).toEqual([
      ['error', 'exceptions.0.closes', 'kind "hours" needs opens and closes'],
      ['error', 'exceptions.1.date', 'duplicate date 2026-03-07'],
      ['warning', 'exceptions.1.kind', 'kind "closed" with hours'],
      ['error', 'exceptions.2.closes', 'closes at 10:00, not after it opens at 12:00'],
    ]);
  });

  it('warns of an office without services, windows or hours, and of a kiosk with windows', () => {
    expect(check({ services: [], windows: [], hours: [] })).toEqual([
      ['warning', 'services', 'the office offers no services'],
      ['warning', 'windows', 'no windows'],
      ['warning', 'hours', 'no opening hours'],
    ]);
    expect(check({ kind: 'kiosk', services: [], hours: [] })).toEqual([
      ['warning', 'windows', 'a kiosk with windows'],
    ]);
  });
});
