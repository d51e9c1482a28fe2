/**
 * Generates the Lipetsk demo region files (regions/lipetsk/**.json) from the tables in ./lipetsk/.
 * Run: npx tsx scripts/region-data/generate-lipetsk.ts [outDir]
 * The JSON output is what the product loads; this script only keeps it consistent and reproducible.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendar } from './lipetsk/calendar';
import { buildOffices } from './lipetsk/offices';
import { briefServices } from './lipetsk/services-brief';
import { detailedServices } from './lipetsk/services-detailed';
import { extraServices } from './lipetsk/services-extra';
import { agencies, categories, districts, region, situations } from './lipetsk/taxonomy';

const out = process.argv[2] ?? 'regions/lipetsk';

function write(file: string, data: unknown): void {
  const path = join(out, file);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

function clearJson(dir: string): void {
  mkdirSync(join(out, dir), { recursive: true });
  for (const f of readdirSync(join(out, dir))) if (f.endsWith('.json')) rmSync(join(out, dir, f));
}

mkdirSync(out, { recursive: true });
write('region.json', region);
write('districts.json', districts);
write(
  'agencies.json',
  agencies.map(({ code, name, shortName, level }) => ({ code, name, shortName, level })),
);
write('categories.json', categories);
write('situations.json', situations);
write('calendar.json', calendar);

/**
 * The tables hold relative demand per service; scale it so that the region totals about 2 million requests
 * a year (the figure in DOMAIN.md), rounded to tens or hundreds.
 */
const POPULARITY_SCALE = 1.45;
const scale = (n: number) => {
  const x = n * POPULARITY_SCALE;
  return x >= 1000 ? Math.round(x / 100) * 100 : Math.round(x / 10) * 10;
};
const services = [...detailedServices, ...briefServices, ...extraServices].map((s) => ({
  ...s,
  popularity: scale(s.popularity),
}));
clearJson('services');
for (const cat of categories) {
  const list = services.filter((s) => s.category === cat.code).sort((a, b) => b.popularity - a.popularity);
  if (list.length > 0) write(`services/${cat.code}.json`, list);
}

const offices = buildOffices(services);
clearJson('offices');
write('offices/main.json', offices.main);
for (const d of districts) {
  const list = offices.remote.filter((o) => o.district === d.code);
  if (list.length > 0) write(`offices/remote-${d.code}.json`, list);
}
write('offices/kiosks.json', offices.kiosks);

console.log(
  `services: ${services.length} (detailed ${detailedServices.length}), offices: main ${offices.main.length}, remote ${offices.remote.length}, kiosk ${offices.kiosks.length}, calendar: ${calendar.length}`,
);
