import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openConfiguredDatabase } from './db/open.js';
import { auditCommand, userCommand } from './modules/staff/auth.cli.js';
import { loadRegion, RegionDataError } from './seed/load-region.js';
import { regionCommand } from './seed/region.cli.js';
import { loadDemoKiosks, seedDemoKiosks } from './seed/seed-kiosks.js';
import { seedRegion } from './seed/seed-region.js';
import { seedRegionSetups } from './seed/seed-setups.js';
import { loadStaff, seedStaff } from './seed/seed-staff.js';
import { startServer } from './server.js';

const usage = `okno — the information system of a network of МФЦ

Usage: okno <command> [options]

Commands:
  start                 migrate, seed the demo region on a fresh embedded database, and serve
  migrate               apply pending database migrations and exit
  seed [--region DIR]   load a region's data files (default: REGION_DIR or ./regions/lipetsk),
                        with its demo staff accounts when the folder has a staff.json
  region check [DIR] [--strict]
                        check a region's data files (default: REGION_DIR or ./regions/lipetsk):
                        one line per problem naming the file, the item and the field; exits 1 on
                        any error (--strict: on any warning too), else prints what the folder holds
  user create --login L --role ROLE [--role ROLE2] [--scope region|district:CODE|offices:A,B]
              [--name "Full Name"] [--password P]
                        create a staff account (asks for the password on a terminal)
  audit verify [--anchor HASH]
                        check the security log's hash chain; fails at the first broken link, or
                        when the chain no longer reaches an anchor printed earlier
  audit anchor          print the hash of the security log's newest entry (keep it elsewhere)
  dev gateways [--smtp-port 2525] [--sms-port 2526] [--keep-dir DIR] [--quiet]
                        a local SMTP server and SMS gateway (JSON and SMS.ru formats) that print and
                        keep what okno sends, until Ctrl-C; prints the SMTP_URL and SMS_GATEWAY_URL to use
  dev agency [--port 2527] [--delay-ms 2000] [--failure-rate 0..1] [--seed S] [--quiet]
                        a simulated agency for interagency requests: answers each after the delay,
                        fails the given share of sends (503), until Ctrl-C; prints the AGENCY_GATEWAY_URL
  simulate --years N [--visits N] [--seed S] [--allow-real] [--to YYYY-MM-DD]
                        fill the database with a simulated history of its region (N years ending
                        yesterday; --visits sizes it, default 2,000,000 a year); refuses a database
                        with real visits unless --allow-real
  help                  show this text

Configuration (environment): PORT, HOST, DATA_DIR, DATABASE_URL, REGION_DIR, LOG_LEVEL — see README.md.`;

type Command = (config: Config, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  start: async (config) => {
    await startServer(config);
  },
  migrate: async (config) => {
    const database = await openConfiguredDatabase(config);
    try {
      const applied = await migrate(database);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await database.close();
    }
  },
  seed: async (config, args) => {
    const { values } = parseArgs({ args, options: { region: { type: 'string' } } });
    const dir = resolve(values.region ?? config.regionDir);
    const data = loadRegion(dir);
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      const counts = await seedRegion(database.db, data);
      console.log(`seeded ${dir}: ${JSON.stringify(counts)}`);
      await seedRegionSetups(database.db, dir);
      const staff = loadStaff(dir);
      if (staff) {
        const made = await seedStaff(database.db, staff);
        console.log(`demo staff accounts from staff.json: ${made.created} created, ${made.existing} existed`);
      }
      const kiosks = loadDemoKiosks(dir);
      if (kiosks) {
        const made = await seedDemoKiosks(database.db, kiosks);
        console.log(`demo kiosks from kiosks.json: ${made.created} enrolled, ${made.existing} existed`);
      }
    } finally {
      await database.close();
    }
  },
  region: regionCommand,
  user: userCommand,
  audit: auditCommand,
  dev: async (config, args) =>
    args[0] === 'agency'
      ? (await import('./modules/cases/dev-agency.cli.js')).devAgencyCommand(config, args)
      : (await import('./modules/notifications/dev-gateways.cli.js')).devCommand(config, args),
  simulate: async (config, args) =>
    (await import('./modules/analytics/simulate/simulate.cli.js')).simulateCommand(config, args),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`okno: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    await command(loadConfig(process.env), args);
    return 0;
  } catch (err) {
    console.error(`okno ${name}: ${describeFailure(err)}`);
    // a command's refusal of its arguments or of the database (okno simulate) exits 2
    return (err as { exitCode?: unknown }).exitCode === 2 ? 2 : 1;
  }
}

function describeFailure(err: unknown): string {
  if (err instanceof ConfigError || err instanceof RegionDataError) return err.message;
  const e = err as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return `cannot reach the database server (${e.message})`;
  if (e.code === 'ENOTFOUND') return `database host not found (${e.message})`;
  if (e.code === '28P01' || e.code === '28000') return `the database refused the credentials (${e.message})`;
  if (e.code === '3D000') return `the database does not exist (${e.message})`;
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return e.message ?? String(err);
  return e.message ?? String(err);
}

const code = await main(process.argv.slice(2));
if (code !== 0 || process.argv[2] !== 'start') process.exit(code);
