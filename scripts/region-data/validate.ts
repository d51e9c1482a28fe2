/**
 * Validates a region data folder against the schemas in src/shared/region-data.ts and checks referential integrity.
 * Run: npx tsx scripts/region-data/validate.ts regions/<name>
 *
 * services and offices may be one file (services.json, offices.json) or a folder of JSON arrays
 * (services/*.json, offices/*.json) — or both; all are concatenated.
 * Exits with code 1 if there are errors; warnings are printed but do not fail.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import {
  type calendarDaySchema,
  officeFileSchema,
  regionFiles,
  serviceFileSchema,
} from '../../src/shared/region-data';

type Service = z.infer<typeof serviceFileSchema>;
type Office = z.infer<typeof officeFileSchema>;
type CalendarDay = z.infer<typeof calendarDaySchema>;

const MAX_FILE_BYTES = 600 * 1024;

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/region-data/validate.ts <region folder>');
  process.exit(2);
}

const errors: string[] = [];
const warnings: string[] = [];
const err = (msg: string) => errors.push(msg);
const warn = (msg: string) => warnings.push(msg);

function readJson(path: string): unknown {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES)
    warn(`${path}: ${Math.round(size / 1024)} KB — keep files under ${MAX_FILE_BYTES / 1024} KB`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    err(`${path}: invalid JSON: ${(e as Error).message}`);
    return undefined;
  }
}

function parse<T>(path: string, schema: z.ZodType<T>, data: unknown): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues.slice(0, 20)) {
    err(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (r.error.issues.length > 20) err(`${path}: … and ${r.error.issues.length - 20} more issues`);
  return undefined;
}

function loadOne<T>(file: string, schema: z.ZodType<T>, required = true): T | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (required) err(`${path}: missing`);
    return undefined;
  }
  return parse(path, schema, readJson(path));
}

/** Concatenates <name>.json and <name>/*.json (each a JSON array). */
function loadMany<T>(name: string, item: z.ZodType<T>): { items: T[]; files: string[] } {
  const items: T[] = [];
  const files: string[] = [];
  const single = join(dir, `${name}.json`);
  const folder = join(dir, name);
  const paths: string[] = [];
  if (existsSync(single)) paths.push(single);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    for (const f of readdirSync(folder).sort()) if (f.endsWith('.json')) paths.push(join(folder, f));
  }
  if (paths.length === 0) err(`${dir}: neither ${name}.json nor ${name}/*.json found`);
  for (const p of paths) {
    const data = readJson(p);
    if (data === undefined) continue;
    if (!Array.isArray(data)) {
      err(`${p}: must be a JSON array`);
      continue;
    }
    files.push(p);
    data.forEach((raw, i) => {
      const r = item.safeParse(raw);
      const label = `${p}[${i}]${raw && typeof raw === 'object' && 'code' in raw ? ` (${String(raw.code)})` : ''}`;
      if (r.success) items.push(r.data);
      else
        for (const issue of r.error.issues.slice(0, 10))
          err(`${label}: ${issue.path.join('.')}: ${issue.message}`);
    });
  }
  return { items, files };
}

function uniqueCodes(kind: string, list: { code: string }[]): Set<string> {
  const seen = new Set<string>();
  for (const x of list) {
    if (seen.has(x.code)) err(`${kind}: duplicate code "${x.code}"`);
    seen.add(x.code);
  }
  return seen;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

function validDate(d: string): boolean {
  const dt = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(dt.getTime()) && dt.toISOString().slice(0, 10) === d;
}

// ——— load ———
const region = loadOne(regionFiles.region.file, regionFiles.region.schema);
const districts = loadOne(regionFiles.districts.file, regionFiles.districts.schema) ?? [];
const agencies = loadOne(regionFiles.agencies.file, regionFiles.agencies.schema) ?? [];
const categories = loadOne(regionFiles.categories.file, regionFiles.categories.schema) ?? [];
const situations = loadOne(regionFiles.situations.file, regionFiles.situations.schema) ?? [];
const calendar: CalendarDay[] = loadOne(regionFiles.calendar.file, regionFiles.calendar.schema, false) ?? [];
const { items: services, files: serviceFiles } = loadMany<Service>('services', serviceFileSchema);
const { items: offices, files: officeFiles } = loadMany<Office>('offices', officeFileSchema);

if (region) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: region.timeZone });
  } catch {
    err(`region.json: unknown time zone "${region.timeZone}"`);
  }
}

// ——— codes ———
const districtCodes = uniqueCodes('districts', districts);
const agencyCodes = uniqueCodes('agencies', agencies);
const categoryCodes = uniqueCodes('categories', categories);
const situationCodes = uniqueCodes('situations', situations);
const serviceCodes = uniqueCodes('services', services);
uniqueCodes('offices', offices);

// ——— services ———
const serviceByCode = new Map(services.map((s) => [s.code, s]));
const usedAgencies = new Set<string>();
const usedCategories = new Set<string>();
for (const s of services) {
  const at = `service ${s.code}`;
  if (!agencyCodes.has(s.agency)) err(`${at}: unknown agency "${s.agency}"`);
  if (!categoryCodes.has(s.category)) err(`${at}: unknown category "${s.category}"`);
  usedAgencies.add(s.agency);
  usedCategories.add(s.category);
  for (const sit of s.situations) if (!situationCodes.has(sit)) err(`${at}: unknown situation "${sit}"`);
  if (new Set(s.situations).size !== s.situations.length) warn(`${at}: duplicate situations`);
  if (new Set(s.applicantKinds).size !== s.applicantKinds.length) err(`${at}: duplicate applicantKinds`);
  const stageCodes = new Set<string>();
  for (const st of s.stages) {
    if (stageCodes.has(st.code)) err(`${at}: duplicate stage code "${st.code}"`);
    stageCodes.add(st.code);
  }
  const docNames = new Set<string>();
  for (const d of s.documents) {
    if (docNames.has(d.name)) err(`${at}: duplicate document "${d.name}"`);
    docNames.add(d.name);
  }
  const aliases = s.aliases.map((a) => a.toLowerCase());
  if (new Set(aliases).size !== aliases.length) warn(`${at}: duplicate aliases`);
  if (!s.description.trim()) warn(`${at}: empty description`);
  if (s.results.length === 0) warn(`${at}: no results`);
  if (s.remote && s.status === 'draft') warn(`${at}: draft service marked remote`);
}
for (const a of agencies) if (!usedAgencies.has(a.code)) warn(`agency ${a.code}: no services`);
for (const c of categories) if (!usedCategories.has(c.code)) warn(`category ${c.code}: no services`);

// ——— offices ———
const published = new Set(services.filter((s) => s.status === 'published').map((s) => s.code));
for (const o of offices) {
  const at = `office ${o.code}`;
  if (!districtCodes.has(o.district)) err(`${at}: unknown district "${o.district}"`);
  if (o.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: o.timeZone });
    } catch {
      err(`${at}: unknown time zone "${o.timeZone}"`);
    }
  }
  if ((o.lat === undefined) !== (o.lon === undefined)) err(`${at}: lat and lon must be given together`);

  let offered: Set<string>;
  if (o.services === 'all') {
    offered = published;
  } else {
    offered = new Set<string>();
    for (const code of o.services) {
      if (offered.has(code)) warn(`${at}: service "${code}" listed twice`);
      const s = serviceByCode.get(code);
      if (!s) err(`${at}: unknown service "${code}"`);
      else {
        if (s.status !== 'published') warn(`${at}: lists draft service "${code}"`);
        if (o.kind === 'remote' && !s.remote) warn(`${at}: remote office lists non-remote service "${code}"`);
        offered.add(code);
      }
    }
  }
  if (o.kind !== 'kiosk' && offered.size === 0) warn(`${at}: offers no services`);
  if (o.kind !== 'kiosk' && o.windows.length === 0) warn(`${at}: no windows`);
  if (o.kind === 'kiosk' && o.windows.length > 0) warn(`${at}: a kiosk with windows`);

  const numbers = new Set<number>();
  for (const win of o.windows) {
    const wat = `${at} window ${win.number}`;
    if (numbers.has(win.number)) err(`${wat}: duplicate window number`);
    numbers.add(win.number);
    for (const code of win.services) {
      if (!serviceCodes.has(code)) err(`${wat}: unknown service "${code}"`);
      else if (!offered.has(code)) err(`${wat}: service "${code}" is not offered by the office`);
    }
    for (const cat of win.categories) {
      if (!categoryCodes.has(cat)) err(`${wat}: unknown category "${cat}"`);
      else if (![...offered].some((c) => serviceByCode.get(c)?.category === cat))
        warn(`${wat}: the office offers no service of category "${cat}"`);
    }
  }

  const intervals = new Map<number, [number, number][]>();
  for (const h of o.hours) {
    const hat = `${at} hours (weekday ${h.weekday})`;
    const open = minutes(h.opens);
    const close = minutes(h.closes);
    if (close <= open) err(`${hat}: closes ${h.closes} is not after opens ${h.opens}`);
    if ((h.breakStart === undefined) !== (h.breakEnd === undefined))
      err(`${hat}: breakStart and breakEnd go together`);
    if (h.breakStart && h.breakEnd) {
      const bs = minutes(h.breakStart);
      const be = minutes(h.breakEnd);
      if (be <= bs) err(`${hat}: break ends before it starts`);
      if (bs <= open || be >= close)
        err(`${hat}: break ${h.breakStart}–${h.breakEnd} is not within ${h.opens}–${h.closes}`);
    }
    const list = intervals.get(h.weekday) ?? [];
    for (const [a, b] of list)
      if (open < b && a < close) err(`${hat}: overlaps another interval of the same day`);
    list.push([open, close]);
    intervals.set(h.weekday, list);
  }
  if (o.kind !== 'kiosk' && o.hours.length === 0) warn(`${at}: no opening hours`);

  const exDates = new Set<string>();
  for (const ex of o.exceptions) {
    const eat = `${at} exception ${ex.date}`;
    if (!validDate(ex.date)) err(`${eat}: invalid date`);
    if (exDates.has(ex.date)) err(`${eat}: duplicate date`);
    exDates.add(ex.date);
    if (ex.kind === 'hours') {
      if (!ex.opens || !ex.closes) err(`${eat}: kind "hours" needs opens and closes`);
      else if (minutes(ex.closes) <= minutes(ex.opens)) err(`${eat}: closes is not after opens`);
    } else if (ex.opens || ex.closes) warn(`${eat}: kind "closed" with hours`);
  }
}

// ——— calendar ———
const calDates = new Set<string>();
for (const d of calendar) {
  if (!validDate(d.date)) err(`calendar ${d.date}: invalid date`);
  if (calDates.has(d.date)) err(`calendar ${d.date}: duplicate date`);
  calDates.add(d.date);
  const wd = new Date(`${d.date}T00:00:00Z`).getUTCDay();
  const weekend = wd === 0 || wd === 6;
  if (d.kind === 'working' && !weekend) warn(`calendar ${d.date}: "working" on a weekday changes nothing`);
}

// ——— report ———
const count = <T>(list: T[], key: (x: T) => string) =>
  list.reduce<Record<string, number>>((acc, x) => {
    const k = key(x);
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});
const fmt = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

const detailed = services.filter(
  (s) => s.documents.length >= 4 && s.refusalReasons.length >= 1 && s.stages.length >= 3,
);
console.log(`region: ${region ? `${region.code} — ${region.name} (${region.timeZone})` : '—'}`);
console.log(`districts: ${districts.length} (${fmt(count(districts, (d) => d.kind))})`);
console.log(`agencies: ${agencies.length} (${fmt(count(agencies, (a) => a.level))})`);
console.log(`categories: ${categories.length}, situations: ${situations.length}`);
console.log(
  `services: ${services.length} in ${serviceFiles.length} file(s) — published ${published.size}, draft ${services.length - published.size}, remote ${services.filter((s) => s.remote).length}, with ≥4 documents ${detailed.length}, with a fee ${services.filter((s) => s.fee).length}`,
);
console.log(
  `  popularity total: ${services.reduce((a, s) => a + s.popularity, 0).toLocaleString('ru-RU')} requests/year`,
);
console.log(`  by category: ${fmt(count(services, (s) => s.category))}`);
console.log(
  `offices: ${offices.length} in ${officeFiles.length} file(s) (${fmt(count(offices, (o) => o.kind))}), windows ${offices.reduce((a, o) => a + o.windows.length, 0)}`,
);
console.log(
  `calendar: ${calendar.length} days (${fmt(count(calendar, (d) => d.kind))}), years ${[...new Set(calendar.map((d) => d.date.slice(0, 4)))].join(', ')}`,
);

for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.error(`error: ${e}`);
console.log(
  errors.length === 0
    ? `OK: ${basename(dir)} is valid (${warnings.length} warnings)`
    : `FAILED: ${errors.length} errors`,
);
process.exit(errors.length === 0 ? 0 : 1);
