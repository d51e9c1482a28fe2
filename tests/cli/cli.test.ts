import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPostgresDatabase } from '../support/databases.js';
import { freePort } from '../support/postgres-server.js';
import { runOkno, startOkno } from './run-okno.js';

const miniRegion = resolve('tests/fixtures/region-mini');

// Each case starts okno as a process (tsx, then PGlite or a pool): generous timeouts for a loaded machine.
describe('okno command line', { timeout: 180_000 }, () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'okno-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints its usage with --help and exits 0', async () => {
    const r = await runOkno(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: okno <command>');
    expect(r.stdout).toContain('migrate');
  });

  it('refuses an unknown command with a non-zero exit', async () => {
    const r = await runOkno(['frobnicate']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it('stops on a bad configuration value and names the variable', async () => {
    const r = await runOkno(['migrate'], { PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT');
    const url = await runOkno(['migrate'], { DATABASE_URL: 'mysql://localhost/okno' });
    expect(url.code).toBe(1);
    expect(url.stderr).toContain('DATABASE_URL');
  });

  it('says clearly when the database server cannot be reached', async () => {
    const port = await freePort();
    const r = await runOkno(['migrate'], { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/okno` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot reach the database server');
  });

  it('refuses a region folder with a broken data file and names the file', async () => {
    const region = join(tmp, 'broken-region');
    cpSync(miniRegion, region, { recursive: true });
    writeFileSync(join(region, 'districts.json'), '[{ "code": "x", "name": ');
    const r = await runOkno(['seed', '--region', region], { DATA_DIR: join(tmp, 'data-broken') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('districts.json');
    expect(r.stderr).toContain('not valid JSON');
  });

  it('refuses a data file whose values are wrong and names the field', async () => {
    const region = join(tmp, 'bad-values');
    cpSync(miniRegion, region, { recursive: true });
    writeFileSync(
      join(region, 'districts.json'),
      JSON.stringify([{ code: 'town', name: 'Город', kind: 'metropolis', population: 5 }]),
    );
    const r = await runOkno(['seed', '--region', region], { DATA_DIR: join(tmp, 'data-bad') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/districts\.json at 0\.kind/);
  });

  it('migrates and seeds a PostgreSQL database, and a second seed updates in place', async () => {
    const db = await createPostgresDatabase();
    try {
      const migrated = await runOkno(['migrate'], { DATABASE_URL: db.url });
      expect(migrated.code).toBe(0);
      expect(migrated.stdout).toContain('database is up to date'); // the template is already migrated
      const seeded = await runOkno(['seed', '--region', miniRegion], { DATABASE_URL: db.url });
      expect(seeded.stderr).toBe('');
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toMatch(/"services":1/);
    } finally {
      await db.drop();
    }
  });

  it('starts on a fresh embedded database, seeds it once, keeps data across a restart and stops cleanly on SIGTERM', async () => {
    const dataDir = join(tmp, 'embedded');
    mkdirSync(dataDir);
    const env = { DATA_DIR: dataDir, REGION_DIR: miniRegion };
    const port = await freePort();
    const first = await startOkno(env, port);
    expect(first.output()).toContain('first start, loaded the demo region: 2 districts');
    // The banner says the demo password as the README does.
    expect(first.output()).toMatch(/demo staff accounts: .*\(password "demo"\)/);
    expect(first.output()).toMatch(/serving on http:\/\/[\w.]+:\d+ \(pglite, Node.js v2[4-9]\./);
    const districts = await (await fetch(`http://127.0.0.1:${port}/api/districts`)).json();
    expect(districts.map((d: { code: string }) => d.code).sort()).toEqual(['town', 'village']);
    const second = await runOkno(['migrate'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('in use by another okno process');
    expect(await first.stop()).toBe(0);
    // The embedded default made its personal-data key beside its data, readable by the owner only.
    const keyFile = join(dataDir, 'personal-data.key');
    const key = readFileSync(keyFile, 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const restarted = await startOkno(env, port);
    expect(restarted.output()).not.toContain('first start');
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: { kind: 'pglite', ok: true } });
    expect(await restarted.stop()).toBe(0);
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
  });

  it('serves from a PostgreSQL server with DATABASE_URL and never loads demo data there by itself', async () => {
    const db = await createPostgresDatabase();
    try {
      // Instances on a server must share the key: okno does not make one up there.
      const keyless = await runOkno(['start'], { DATABASE_URL: db.url, REGION_DIR: miniRegion });
      expect(keyless.code).toBe(1);
      expect(keyless.stderr).toContain('PERSONAL_DATA_KEY: required with DATABASE_URL');
      const port = await freePort();
      const server = await startOkno(
        { DATABASE_URL: db.url, REGION_DIR: miniRegion, PERSONAL_DATA_KEY: 'ab'.repeat(32) },
        port,
      );
      const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
      expect(health.database.kind).toBe('postgres');
      expect(server.output()).not.toContain('first start');
      expect(await server.stop()).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
