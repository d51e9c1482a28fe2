import {
  buildAgency,
  buildDistrict,
  buildOfficeFile,
  buildServiceFile,
  buildStaffAccount,
  folderOf,
} from '../../../tests/support/region-files.js';
import { checkRegion, repeats } from './region-checks.js';
import type { RegionProblem } from './region-problem.js';

const errors = (problems: RegionProblem[]) => problems.filter((p) => p.severity === 'error');
const warnings = (problems: RegionProblem[]) => problems.filter((p) => p.severity === 'warning');

describe('checkRegion', () => {
  it('finds no problem in a coherent region', () => {
    expect(checkRegion(folderOf())).toEqual([]);
  });

  it('reports a repeated code at the repeat, naming where the first one is', () => {
    const offices = [buildOfficeFile(), buildOfficeFile({ name: 'Другой' })];
    expect(errors(checkRegion(folderOf({ offices })))).toEqual([
      {
        severity: 'error',
        file: 'offices.json',
        at: '1.code',
        item: 'office town-main',
        message: 'duplicate code: also at offices.json at 0',
      },
    ]);
  });

  it('reports a repeated calendar date and staff login', () => {
    const day = { date: '2026-01-01', kind: 'dayoff' as const };
    const problems = checkRegion(
      folderOf({ calendar: [day, day], staff: [buildStaffAccount(), buildStaffAccount()] }),
    );
    expect(errors(problems).map((p) => [p.file, p.at, p.item])).toEqual([
      ['calendar.json', '1.date', 'day 2026-01-01'],
      ['staff.json', '1.login', 'staff account admin'],
    ]);
  });

  it('reports the agency, category and situation a service refers to when they do not exist', () => {
    const services = [
      buildServiceFile({ agency: 'fns', category: 'taxes', situations: ['travel', 'moving'] }),
    ];
    const found = errors(checkRegion(folderOf({ services }))).map((p) => [p.at, p.item, p.message]);
    expect(found).toEqual([
      ['0.agency', 'service passport', 'unknown agency "fns"'],
      ['0.category', 'service passport', 'unknown category "taxes"'],
      ['0.situations.1', 'service passport', 'unknown situation "moving"'],
    ]);
  });

  it('does not report references to a list whose file could not be read', () => {
    const services = [buildServiceFile({ agency: 'fns' })];
    expect(checkRegion(folderOf({ services, agencies: [] }, { unread: new Set(['agencies']) }))).toEqual([]);
  });

  it('does not report references to an item that failed its schema (its own problem is reported)', () => {
    const folder = folderOf({ agencies: [] });
    folder.unparsed.agencies.add('mvd');
    expect(checkRegion(folder)).toEqual([]);
  });

  it('refuses repeated stage codes, documents and applicant kinds of a service', () => {
    const stage = { code: 'accepted', title: 'Принято', citizenText: 'Принято', notify: true };
    const document = { name: 'Паспорт', required: true, form: 'original' as const };
    const services = [
      buildServiceFile({
        situations: ['travel'],
        stages: [stage, stage],
        documents: [document, document],
        applicantKinds: ['person', 'person'],
      }),
    ];
    expect(errors(checkRegion(folderOf({ services }))).map((p) => p.at)).toEqual([
      '0.applicantKinds.1',
      '0.stages.1.code',
      '0.documents.1.name',
    ]);
  });

  it('warns of what is odd but loads: repeated situations and aliases, no description, no results', () => {
    const services = [
      buildServiceFile({
        situations: ['travel', 'travel'],
        aliases: ['Паспорт', 'паспорт'],
        description: ' ',
        results: [],
      }),
    ];
    const problems = checkRegion(folderOf({ services }));
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems).map((p) => p.at)).toEqual([
      '0.situations.1',
      '0.aliases.1',
      '0.description',
      '0.results',
    ]);
  });

  it('warns of an agency or a category no service refers to', () => {
    const agencies = [buildAgency(), buildAgency({ code: 'fns' })];
    const problems = checkRegion(folderOf({ agencies }));
    expect(problems.map((p) => [p.severity, p.file, p.item])).toEqual([
      ['warning', 'agencies.json', 'agency fns'],
    ]);
  });

  it('does not guess that an agency is unused while a service could not be read', () => {
    const agencies = [buildAgency(), buildAgency({ code: 'fns' })];
    const refused = folderOf({ agencies });
    refused.unparsed.services.add('tax-return');
    expect(checkRegion(refused)).toEqual([]);
    expect(checkRegion(folderOf({ agencies, services: [] }, { unread: new Set(['services']) }))).toEqual([]);
  });

  it('checks every office with its district', () => {
    const offices = [buildOfficeFile({ district: 'village' })];
    expect(errors(checkRegion(folderOf({ offices }))).map((p) => [p.at, p.message])).toEqual([
      ['0.district', 'unknown district "village"'],
    ]);
    expect(checkRegion(folderOf({ offices, districts: [buildDistrict({ code: 'village' })] }))).toEqual([]);
  });

  it('refuses a staff scope naming a district or an office the region does not have', () => {
    const staff = [
      buildStaffAccount({
        grants: [
          { role: 'backoffice', scope: { kind: 'district', district: 'nowhere' } },
          { role: 'operator', scope: { kind: 'offices', offices: ['town-main', 'ghost'] } },
        ],
      }),
    ];
    expect(errors(checkRegion(folderOf({ staff }))).map((p) => [p.at, p.message])).toEqual([
      ['0.grants.0.scope.district', 'unknown district "nowhere"'],
      ['0.grants.1.scope.offices.1', 'unknown office "ghost"'],
    ]);
  });

  it('refuses a demo kiosk of an office the region does not have, and a repeated device token', () => {
    const kiosk = (office: string, demoToken: string) => ({ office, label: 'Инфомат', demoToken });
    const kiosks = [
      kiosk('town-main', 'demo-kiosk-town-main'),
      kiosk('ghost', 'demo-kiosk-ghost-office'),
      kiosk('town-main', 'demo-kiosk-town-main'),
    ];
    expect(errors(checkRegion(folderOf({ kiosks }))).map((p) => [p.file, p.at, p.message])).toEqual([
      ['kiosks.json', '2.demoToken', 'duplicate demoToken: also at kiosks.json at 0'],
      ['kiosks.json', '1.office', 'unknown office "ghost"'],
    ]);
  });

  it('refuses an unknown time zone of the region', () => {
    const folder = folderOf();
    folder.region = { value: { code: 't', name: 'T', timeZone: 'Europe/Atlantis' }, file: 'region.json' };
    expect(checkRegion(folder)).toEqual([
      {
        severity: 'error',
        file: 'region.json',
        at: 'timeZone',
        message: 'unknown time zone "Europe/Atlantis"',
      },
    ]);
  });

  it('warns of a calendar day marked working on a weekday (it changes nothing)', () => {
    // 2026-01-05 is a Monday, 2026-01-03 a Saturday
    const calendar = [
      { date: '2026-01-05', kind: 'working' as const },
      { date: '2026-01-03', kind: 'working' as const },
    ];
    expect(checkRegion(folderOf({ calendar })).map((p) => [p.severity, p.item])).toEqual([
      ['warning', 'day 2026-01-05'],
    ]);
  });
});

describe('repeats', () => {
  it('gives the indexes of values seen earlier in the list', () => {
    expect(repeats(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual([2, 4, 5]);
    expect(repeats([])).toEqual([]);
  });
});
