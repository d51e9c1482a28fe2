import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRegionFolder } from './region-files.js';

const mini = resolve('tests/fixtures/region-mini');

describe('readRegionFolder', () => {
  let tmp: string;
  let n = 0;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'okno-region-files-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  /** A copy of the small test region to break. */
  const copy = () => {
    const dir = join(tmp, `region-${n++}`);
    cpSync(mini, dir, { recursive: true });
    return dir;
  };

  it('reads every item of the small test region with its file and index, and no problem', () => {
    const { folder, problems } = readRegionFolder(mini);
    expect(problems).toEqual([]);
    expect(folder.districts.map((d) => [d.value.code, d.file, d.index])).toEqual([
      ['town', join(mini, 'districts.json'), 0],
      ['village', join(mini, 'districts.json'), 1],
    ]);
    expect(folder.region?.value.code).toBe('mini');
    expect(folder.staff.length).toBeGreaterThan(0);
    expect(folder.unread.size).toBe(0);
  });

  it('concatenates a folder of files in the order of their names', () => {
    const dir = copy();
    mkdirSync(join(dir, 'districts'));
    rmSync(join(dir, 'districts.json'));
    const district = (code: string) => ({ code, name: code, kind: 'rural', population: 1 });
    writeFileSync(join(dir, 'districts', 'b.json'), JSON.stringify([district('village')]));
    writeFileSync(join(dir, 'districts', 'a.json'), JSON.stringify([district('town'), district('hamlet')]));
    const { folder, problems } = readRegionFolder(dir);
    expect(problems).toEqual([]);
    expect(folder.districts.map((d) => [d.value.code, d.index])).toEqual([
      ['town', 0],
      ['hamlet', 1],
      ['village', 0],
    ]);
  });

  it('refuses a part given both as a file and as a folder of files', () => {
    const dir = copy();
    mkdirSync(join(dir, 'agencies'));
    writeFileSync(join(dir, 'agencies', 'more.json'), '[]');
    const { folder, problems } = readRegionFolder(dir);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [join(dir, 'agencies.json'), `both this file and the folder ${join(dir, 'agencies')} exist: keep one`],
    ]);
    expect(folder.unread).toEqual(new Set(['agencies']));
  });

  it('refuses a file that holds no array, and a field no schema declares, and keeps the items that pass', () => {
    const dir = copy();
    writeFileSync(join(dir, 'categories.json'), '{ "code": "passports" }');
    writeFileSync(
      join(dir, 'districts.json'),
      JSON.stringify([
        { code: 'town', name: 'Город', kind: 'city', population: 1, mayor: 'Иванов' },
        { code: 'village', name: 'Село', kind: 'rural', population: -1 },
      ]),
    );
    const { folder, problems } = readRegionFolder(dir);
    expect(problems.map((p) => [p.file, p.at, p.item, p.message])).toEqual([
      [join(dir, 'districts.json'), '0.mayor', 'district town', 'unknown field'],
      [join(dir, 'districts.json'), '1.population', 'district village', expect.stringContaining('>=0')],
      [join(dir, 'categories.json'), '', undefined, 'must hold a JSON array'],
    ]);
    expect(folder.districts.map((d) => d.value.code)).toEqual(['town']);
    expect(folder.unparsed.districts).toEqual(new Set(['village']));
    expect(folder.unread).toEqual(new Set(['categories']));
  });

  it('reads a region without staff.json: no demo accounts', () => {
    const dir = copy();
    rmSync(join(dir, 'staff.json'));
    const { folder, problems } = readRegionFolder(dir);
    expect(problems).toEqual([]);
    expect(folder.staff).toEqual([]);
  });
});
