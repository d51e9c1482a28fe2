/**
 * Run first by `npm test`: the suite needs Debian's chromium (browser tests) and PostgreSQL 15's server
 * binaries (integration tests). What is missing is installed with apt-get when running as root on
 * Debian; otherwise the run stops at once with one line naming the package and the command — never
 * dozens of failed tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hasChromium, postgresBinDir } from '../tests/support/prerequisites.js';

const missing: { what: string; packages: string[] }[] = [];
if (!hasChromium())
  missing.push({ what: 'Chromium (browser tests)', packages: ['chromium', 'fonts-dejavu-core'] });
if (!postgresBinDir())
  missing.push({ what: 'PostgreSQL 15 server binaries (integration tests)', packages: ['postgresql-15'] });

if (missing.length > 0) {
  const packages = missing.flatMap((m) => m.packages);
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `okno tests need ${missing.map((m) => m.what).join(' and ')}: install with \`sudo apt-get install -y ${packages.join(' ')}\` (or set PG_BIN_DIR to PostgreSQL 15's bin folder), then run npm test again.`,
    );
    process.exit(1);
  }
  console.log(`okno tests: installing ${packages.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (run.status !== 0) {
      console.error(
        `okno tests: \`apt-get ${args.join(' ')}\` failed; install ${packages.join(' ')} by hand.`,
      );
      process.exit(1);
    }
  }
  if (!hasChromium() || !postgresBinDir()) {
    console.error(
      `okno tests: ${packages.join(', ')} installed, but chromium or PostgreSQL 15 is still not found.`,
    );
    process.exit(1);
  }
}
console.log(`okno tests: chromium and PostgreSQL 15 (${postgresBinDir()}) found, Node.js ${process.version}`);
