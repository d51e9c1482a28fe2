import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, ConfigError } from '../config.js';

/**
 * The personal-data key okno runs with. Given (PERSONAL_DATA_KEY): that one. The embedded default
 * without one keeps its own in DATA_DIR/personal-data.key (made on first start, readable by the owner
 * only), beside the data it protects. With DATABASE_URL it must be given: instances must share it, and a
 * key made by one would leave the others unable to read.
 */
export function resolvePersonalDataKey(config: Config): string {
  if (config.personalDataKey) return config.personalDataKey;
  if (config.databaseUrl) {
    throw new ConfigError(
      'invalid configuration:\n  PERSONAL_DATA_KEY: required with DATABASE_URL (32 bytes in hex: openssl rand -hex 32); every instance needs the same key',
    );
  }
  const dir = resolve(config.dataDir);
  const file = join(dir, 'personal-data.key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(key)) throw new ConfigError(`${file}: not a 32-byte hex key`);
    return key.toLowerCase();
  }
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another first start wrote it a moment ago: that one is the key.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return resolvePersonalDataKey(config);
    throw err;
  }
  return key;
}
