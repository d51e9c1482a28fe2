import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DemoKiosk, StaffAccount } from '../../shared/region-data.js';
import type { Config } from '../config.js';
import { checkRegionFolder, type RegionData } from './load-region.js';
import { formatProblem } from './region-problem.js';

/**
 * `okno region check [DIR] [--strict]`: every problem of a region folder, one line each on stderr; exits 1
 * on any error (with --strict, on any warning too), else prints one line of counts.
 */
export async function regionCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false } },
  });
  const [sub, dirArg, ...rest] = positionals;
  if (sub !== 'check' || rest.length > 0) throw new Error('usage: okno region check [DIR] [--strict]');
  const dir = dirArg ?? config.regionDir;
  const { problems, data, staff, kiosks } = checkRegionFolder(dir);
  for (const p of problems) console.error(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors > 0 || !data || (values.strict && warnings > 0))
    throw new Error(`${resolve(dir)} is refused: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  console.log(`${summarizeRegion(data, staff, kiosks)}; ${plural(warnings, 'warning')}`);
}

/** One line of counts: what a seed of this data would load. */
export function summarizeRegion(data: RegionData, staff: StaffAccount[], kiosks: DemoKiosk[] = []): string {
  const count = <T>(list: T[], pick: (x: T) => string) =>
    Object.entries(Object.groupBy(list, pick))
      .map(([k, v]) => `${v?.length ?? 0} ${k}`)
      .join(', ');
  const published = data.services.filter((s) => s.status === 'published').length;
  const windows = data.offices.reduce((n, o) => n + o.windows.length, 0);
  return [
    `region ${data.region.code} (${data.region.name}): ${plural(data.districts.length, 'district')}`,
    `${plural(data.offices.length, 'office')} (${count(data.offices, (o) => o.kind)}) with ${plural(windows, 'window')}`,
    plural(data.agencies.length, 'agency', 'agencies'),
    plural(data.categories.length, 'category', 'categories'),
    plural(data.situations.length, 'situation'),
    `${plural(data.services.length, 'service')} (${published} published)`,
    plural(data.calendar.length, 'calendar day'),
    plural(staff.length, 'demo account'),
    plural(kiosks.length, 'demo kiosk'),
  ].join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
