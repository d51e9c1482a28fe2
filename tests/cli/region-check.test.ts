import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runOkno } from './run-okno.js';

const demo = resolve('regions/lipetsk');

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value, null, 2));
/** The items of a part of a region folder: one file, or the files of its folder concatenated. */
function itemsOf(dir: string, name: string): unknown[] {
  const folder = join(dir, name);
  const files = readdirSync(dir).includes(`${name}.json`)
    ? [join(dir, `${name}.json`)]
    : readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(folder, f));
  return files.flatMap((f) => readJson(f));
}
const firstFileOf = (dir: string, name: string) =>
  join(
    dir,
    name,
    readdirSync(join(dir, name))
      .filter((f) => f.endsWith('.json'))
      .sort()[0],
  );

// Each case starts okno as a process (tsx): generous timeouts for a loaded machine.
describe('okno region check', { timeout: 120_000 }, () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'okno-region-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('passes the demo region without a single warning and prints what it holds', async () => {
    const r = await runOkno(['region', 'check', demo, '--strict']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const [name, label] of [
      ['districts', 'districts'],
      ['offices', 'offices'],
      ['agencies', 'agencies'],
      ['categories', 'categories'],
      ['situations', 'situations'],
      ['services', 'services'],
      ['calendar', 'calendar days'],
    ])
      expect(lines[0]).toContain(` ${itemsOf(demo, name).length} ${label}`);
    expect(lines[0]).toContain(`${readJson(join(demo, 'staff.json')).length} demo accounts`);
  });

  it('checks REGION_DIR when no folder is given', async () => {
    const r = await runOkno(['region', 'check'], { REGION_DIR: demo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${itemsOf(demo, 'offices').length} offices`);
  });

  it('fails on a folder with planted faults and names the file, item and field of each', async () => {
    const region = join(tmp, 'faulty');
    cpSync(demo, region, { recursive: true });
    // a missing file
    rmSync(join(region, 'situations.json'));
    // invalid JSON
    writeFileSync(join(region, 'calendar.json'), '[{ "date": "2026-01-01", ');
    // a service pointing at an unknown agency
    const servicesFile = firstFileOf(region, 'services');
    const services = readJson(servicesFile);
    services[0].agency = 'no-such-agency';
    writeJson(servicesFile, services);
    // a duplicated office code
    const officesFile = firstFileOf(region, 'offices');
    const offices = readJson(officesFile);
    offices[1].code = offices[0].code;
    writeJson(officesFile, offices);
    // a field of the wrong type
    const districts = readJson(join(region, 'districts.json'));
    districts[2].population = 'many';
    writeJson(join(region, 'districts.json'), districts);

    const r = await runOkno(['region', 'check', region]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    const expected = [
      `${join(region, 'situations.json')}: missing`,
      `${join(region, 'calendar.json')}: not valid JSON`,
      `${servicesFile} at 0.agency (service ${services[0].code}): unknown agency "no-such-agency"`,
      `${officesFile} at 1.code (office ${offices[0].code}): duplicate code: also at ${officesFile} at 0`,
      `${join(region, 'districts.json')} at 2.population (district ${districts[2].code}): `,
    ];
    for (const start of expected) expect(lines.filter((l) => l.startsWith(start))).toHaveLength(1);
    expect(lines.at(-1)).toBe(`okno region: ${region} is refused: 5 errors, 0 warnings`);
    expect(lines).toHaveLength(expected.length + 1);
  });

  it('is what the seed refuses: the same problems stop `okno seed` before it touches a database', async () => {
    const region = join(tmp, 'unknown-district');
    cpSync(demo, region, { recursive: true });
    const officesFile = firstFileOf(region, 'offices');
    const offices = readJson(officesFile);
    offices[0].district = 'atlantis';
    offices[0].fees = 'typo of a field';
    writeJson(officesFile, offices);
    const check = await runOkno(['region', 'check', region]);
    const seed = await runOkno(['seed', '--region', region], { DATA_DIR: join(tmp, 'data') });
    expect(check.code).toBe(1);
    expect(seed.code).toBe(1);
    const problems = check.stderr.trim().split('\n').slice(0, -1);
    expect(problems).toEqual([
      `${officesFile} at 0.fees (office ${offices[0].code}): unknown field`,
      `${officesFile} at 0.district (office ${offices[0].code}): unknown district "atlantis"`,
    ]);
    expect(seed.stderr.trim()).toBe(`okno seed: ${problems.join('\n')}`);
    expect(readdirSync(tmp)).not.toContain('data');
  });

  it('refuses a missing folder and a wrong sub-command', async () => {
    const missing = await runOkno(['region', 'check', join(tmp, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(tmp, 'nowhere')}: region folder not found`);
    const usage = await runOkno(['region', 'lint', demo]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('usage: okno region check');
  });
});
