/**
 * `npm run audit:web` — Lighthouse on the portal's pages, desktop and mobile, as one table (not part of
 * `npm test`: it takes minutes and its numbers vary with the machine).
 * Builds the web app when dist/web is missing or older than src/web, starts okno in this process on a free
 * port with a fresh embedded demo database (PGlite in a temporary folder, seeded as on a first start),
 * starts Debian's chromium headless with a DevTools port and runs Lighthouse on `/`, `/services`, a service,
 * `/offices` and an office. Prints performance, accessibility, best practices, SEO and CLS per page and
 * form factor, and marks what misses the targets (performance ≥ 90 desktop / ≥ 75 mobile; the other
 * scores ≥ 95; CLS ≤ 0.05). Exits 1 when a target is missed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse, { type Flags } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { migrate } from '../src/server/db/migrate.js';
import { openConfiguredDatabase } from '../src/server/db/open.js';
import { loadRegion } from '../src/server/seed/load-region.js';
import { seedRegion } from '../src/server/seed/seed-region.js';
import { chromiumPath } from '../tests/support/prerequisites.js';

const webDir = resolve('dist/web');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const targets = { desktop: 90, mobile: 75, other: 95, cls: 0.05 };

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const index = join(webDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestIn(resolve('src/web'))) return;
  console.log('audit: building the web app…');
  const built = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build:web failed');
}

/** Chromium headless with a DevTools port for Lighthouse; resolves with the port once it listens. */
function startChromium(profile: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(chromiumPath, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    'about:blank',
  ]);
  return new Promise((ok, fail) => {
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output)?.[1];
      if (port) ok({ port: Number(port), stop: () => child.kill() });
    });
    child.on('exit', (code) => fail(new Error(`chromium exited (${code}):\n${output}`)));
  });
}

type Row = { page: string; form: 'desktop' | 'mobile'; scores: number[]; cls: number };

async function main(): Promise<void> {
  buildIfNeeded();
  const dataDir = mkdtempSync(join(tmpdir(), 'okno-audit-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  const database = await openConfiguredDatabase(config);
  const profile = mkdtempSync(join(tmpdir(), 'okno-audit-chromium-'));
  let chromium: { port: number; stop: () => void } | undefined;
  try {
    await migrate(database);
    await seedRegion(database.db, loadRegion(resolve(config.regionDir)));
    const app = await buildApp({ config, database, webDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const api = async <T>(path: string) => (await app.inject({ url: path })).json() as T;
    const service = (await api<{ items: { code: string }[] }>('/api/services?limit=1')).items[0].code;
    const office = (await api<{ code: string }[]>('/api/offices'))[0].code;
    // `npm run audit:web -- /offices` audits only the paths given
    const given = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
    const pages = given.length
      ? given
      : ['/', '/services', `/services/${service}`, '/offices', `/offices/${office}`];

    chromium = await startChromium(profile);
    const rows: Row[] = [];
    for (const form of ['desktop', 'mobile'] as const) {
      for (const page of pages) {
        const flags: Flags = {
          port: chromium.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...categories],
        };
        const result = await lighthouse(
          `${base}${page}`,
          flags,
          form === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`no Lighthouse result for ${page}`);
        const { lhr } = result;
        const scores = categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
        const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN;
        rows.push({ page, form, scores, cls });
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
          .map((a) => a.id);
        if (lhr.runtimeError)
          console.log(`audit: ${form} ${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        console.log(
          `audit: ${form} ${page} done${failing.length ? ` (below 90: ${failing.join(', ')})` : ''}`,
        );
      }
    }
    await app.close();
    printTable(rows);
    process.exitCode = rows.some(missesTarget) ? 1 : 0;
  } finally {
    chromium?.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

function missesTarget(row: Row): boolean {
  const [performance, ...others] = row.scores;
  return (
    performance < targets[row.form] || others.some((s) => s < targets.other) || !(row.cls <= targets.cls)
  );
}

function printTable(rows: Row[]): void {
  const header = ['page', 'form', 'performance', 'accessibility', 'best practices', 'SEO', 'CLS', ''];
  const lines = rows.map((row) => [
    row.page,
    row.form,
    ...row.scores.map(String),
    row.cls.toFixed(3),
    missesTarget(row) ? 'below target' : 'ok',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
