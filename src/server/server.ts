import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { migrate } from './db/migrate.js';
import { openConfiguredDatabase } from './db/open.js';
import { resolvePersonalDataKey } from './privacy/personal-data-key.js';
import { loadRegion } from './seed/load-region.js';
import { loadDemoKiosks, seedDemoKiosks } from './seed/seed-kiosks.js';
import { hasRegion, seedRegion } from './seed/seed-region.js';
import { seedRegionSetups } from './seed/seed-setups.js';
import { loadStaff, seedStaff } from './seed/seed-staff.js';

/**
 * Starts okno: opens and migrates the database, seeds the demo region on a fresh embedded database,
 * serves until SIGTERM/SIGINT, then closes the server and the database cleanly.
 */
export async function startServer(given: Config): Promise<void> {
  // Before anything is opened: a server without its personal-data key stops here, with the reason.
  const config: Config = { ...given, personalDataKey: resolvePersonalDataKey(given) };
  const webDir = resolve('dist/web');
  if (!existsSync(resolve(webDir, 'index.html'))) await buildWeb();
  const database = await openConfiguredDatabase(config);
  await migrate(database);
  // Only the embedded default loads demo data by itself; a production server is seeded on purpose.
  if (database.kind === 'pglite' && !(await hasRegion(database.db))) {
    const counts = await seedRegion(database.db, loadRegion(resolve(config.regionDir)));
    console.log(
      `okno: first start, loaded the demo region: ${counts.districts} districts, ${counts.offices} offices, ` +
        `${counts.agencies} agencies, ${counts.services} services, ${counts.calendarDays} calendar days`,
    );
    await seedRegionSetups(database.db, resolve(config.regionDir));
    // Demo staff accounts (password "demo") come with the demo data only, never on a production database.
    const staff = loadStaff(resolve(config.regionDir));
    if (staff) {
      await seedStaff(database.db, staff);
      const passwords = new Set(staff.map((s) => s.password));
      const password = passwords.size === 1 ? `password "${[...passwords][0]}"` : 'passwords in staff.json';
      console.log(`okno: demo staff accounts: ${staff.map((s) => s.login).join(', ')} (${password})`);
    }
    // Demo kiosks (a device token everyone knows) likewise: /kiosk/<office>#device=<token> opens one.
    const kiosks = loadDemoKiosks(resolve(config.regionDir));
    if (kiosks) await seedDemoKiosks(database.db, kiosks);
  }
  const app = await buildApp({ config, database, webDir });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `okno: serving on ${config.tls ? 'https' : 'http'}://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.kind}, Node.js ${process.version})`,
  );
}

async function buildWeb(): Promise<void> {
  console.log('okno: building the web app (first start)…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
