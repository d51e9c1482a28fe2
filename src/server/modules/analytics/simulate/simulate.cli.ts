import { parseArgs } from 'node:util';
import { addCalendarDays, isValidIsoDate } from '../../../../shared/calendar.js';
import { nowInTimeZone } from '../../../../shared/office-hours.js';
import type { Config } from '../../../config.js';
import { rows, sql } from '../../../db/client.js';
import { openConfiguredDatabase } from '../../../db/open.js';
import { personalDataCipher } from '../../../privacy/personal-data.js';
import { resolvePersonalDataKey } from '../../../privacy/personal-data-key.js';
import { rebuildRollups } from '../rollups.rebuild.js';
import { defaultPeriod } from './generator.js';
import { visitsPerYear } from './profiles.js';
import { SimulateRefusal, type SimulateTotals, simulateHistory } from './writer.js';

/**
 * `okno simulate --years N [--visits N] [--seed S] [--allow-real] [--to YYYY-MM-DD]`: fills the configured
 * database with a simulated history of the region it holds (see generator.ts), with a progress bar on stderr
 * and a summary line on stdout. A bad argument or a refused database exits 2 with one line naming why.
 */

/** A refusal the command line reports with exit code 2. */
export class SimulateUsageError extends Error {
  readonly exitCode = 2;
}

export type SimulateArgs = {
  years: number;
  visits: number;
  seed: string;
  allowReal: boolean;
  to: string | null;
};

export function parseSimulateArgs(args: string[]): SimulateArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        years: { type: 'string' },
        visits: { type: 'string' },
        seed: { type: 'string' },
        to: { type: 'string' },
        'allow-real': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new SimulateUsageError((err as Error).message);
  }
  const whole = (name: string, text: string | undefined, min: number, max: number, fallback: number) => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max)
      throw new SimulateUsageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    return Number(text);
  };
  const years = whole('years', values.years as string | undefined, 1, 10, 1);
  const visits = whole('visits', values.visits as string | undefined, 1, 100_000_000, years * visitsPerYear);
  const seed = (values.seed as string | undefined) ?? '1';
  if (seed.trim() === '' || seed.length > 100)
    throw new SimulateUsageError('--seed must be a non-empty text of at most 100 characters');
  const to = (values.to as string | undefined) ?? null;
  if (to !== null && !isValidIsoDate(to))
    throw new SimulateUsageError(`--to must be a date YYYY-MM-DD, got "${to}"`);
  return { years, visits, seed, allowReal: values['allow-real'] === true, to };
}

const fmt = new Intl.NumberFormat('en-US');
const duration = (s: number) =>
  !Number.isFinite(s)
    ? '?'
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${Math.round(s)}s`;

/** A progress bar on a terminal; a plain line per 10% otherwise. */
export function progressReporter(stream: NodeJS.WriteStream, start = performance.now()) {
  let lastTenth = 0;
  return {
    update(done: SimulateTotals, total: number) {
      const share = total ? done.visits / total : 1;
      const seconds = (performance.now() - start) / 1000;
      const rate = seconds > 0 ? done.visits / seconds : 0;
      const eta = rate > 0 ? (total - done.visits) / rate : Number.POSITIVE_INFINITY;
      const rowsWritten =
        done.visits + done.bookings + done.cases + done.events + done.ratings + done.followUps;
      const text = `${String(Math.floor(share * 100)).padStart(3)}%  ${fmt.format(done.visits)}/${fmt.format(total)} visits  ${fmt.format(rowsWritten)} rows  ${fmt.format(Math.round(rate))} visits/s  ETA ${duration(eta)}`;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${text}`);
        if (done.visits >= total) stream.write('\n');
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`okno simulate: ${text}\n`);
      }
    },
  };
}

export async function simulateCommand(config: Config, args: string[]): Promise<void> {
  const parsed = parseSimulateArgs(args);
  const cipher = personalDataCipher(resolvePersonalDataKey(config));
  const database = await openConfiguredDatabase(config);
  try {
    const [region] = await rows<{ time_zone: string }>(database.db, sql`select time_zone from region`);
    const today = nowInTimeZone(region?.time_zone ?? 'Europe/Moscow', new Date()).date;
    const period = defaultPeriod(parsed.to ?? addCalendarDays(today, -1), parsed.years);
    const started = performance.now();
    const bar = progressReporter(process.stderr, started);
    const totals = await simulateHistory(
      database.db,
      cipher,
      { ...period, visits: parsed.visits, seed: parsed.seed, allowReal: parsed.allowReal },
      {
        rebuildRollups,
        progress: (done, total) => bar.update(done, total),
        rebuilding: () =>
          process.stderr.write(`okno simulate: rebuilding the rollups of ${period.from}..${period.to}\n`),
      },
    ).catch((err) => {
      if (err instanceof SimulateRefusal) throw new SimulateUsageError(err.message);
      throw err;
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `simulated ${period.from}..${period.to} (seed ${parsed.seed}): ${totals.visits} visits, ${totals.bookings} bookings, ${totals.cases} cases, ${totals.ratings} ratings written in ${seconds.toFixed(1)} s (${Math.round(totals.visits / seconds)} visits/s; rollups rebuilt in ${totals.rollupsSeconds.toFixed(1)} s)`,
    );
  } finally {
    await database.close();
  }
}
