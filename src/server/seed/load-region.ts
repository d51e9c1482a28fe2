import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { regionFiles } from '../../shared/region-data.js';

export type RegionData = { [K in keyof typeof regionFiles]: z.infer<(typeof regionFiles)[K]['schema']> };

export class RegionDataError extends Error {}

/**
 * Reads and validates a region folder. Each part is a file (`services.json`) or a folder of files
 * (`services/*.json`) whose arrays are concatenated. Every problem names the file and the field.
 */
export function loadRegion(dir: string): RegionData {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new RegionDataError(`region folder not found: ${dir}`);
  const data = {} as Record<string, unknown>;
  for (const [key, { file, schema }] of Object.entries(regionFiles)) {
    const parts = readParts(dir, file);
    const value = key === 'region' ? parts[0]?.value : parts.flatMap((p) => asArray(p.value, p.path));
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = describePath(parts, issue.path);
      throw new RegionDataError(`${where}: ${issue.message}`);
    }
    data[key] = parsed.data;
  }
  const region = data as RegionData;
  checkReferences(region);
  return region;
}

type Part = { path: string; value: unknown; length: number };

function readParts(dir: string, file: string): Part[] {
  const single = join(dir, file);
  const folder = join(dir, file.replace(/\.json$/, ''));
  const paths = existsSync(single)
    ? [single]
    : existsSync(folder)
      ? readdirSync(folder)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(folder, f))
      : [];
  if (paths.length === 0)
    throw new RegionDataError(`missing ${single} (or a folder ${folder} of .json files)`);
  return paths.map((path) => {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new RegionDataError(`${path}: not valid JSON (${(err as Error).message})`);
    }
    return { path, value, length: Array.isArray(value) ? value.length : 1 };
  });
}

function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new RegionDataError(`${path}: must hold a JSON array`);
  return value;
}

function describePath(parts: Part[], path: PropertyKey[]): string {
  if (parts.length === 1 || typeof path[0] !== 'number')
    return `${parts[0].path} at ${path.join('.') || '(root)'}`;
  let index = path[0] as number;
  for (const part of parts) {
    if (index < part.length) return `${part.path} at ${[index, ...path.slice(1)].join('.')}`;
    index -= part.length;
  }
  return `${parts[0].path} at ${path.join('.')}`;
}

function unique(kind: string, codes: string[]): Set<string> {
  const set = new Set<string>();
  for (const c of codes) {
    if (set.has(c)) throw new RegionDataError(`${kind}: duplicate code "${c}"`);
    set.add(c);
  }
  return set;
}

function checkReferences(r: RegionData): void {
  const districts = unique(
    'districts',
    r.districts.map((d) => d.code),
  );
  const agencies = unique(
    'agencies',
    r.agencies.map((a) => a.code),
  );
  const categories = unique(
    'categories',
    r.categories.map((c) => c.code),
  );
  const situations = unique(
    'situations',
    r.situations.map((s) => s.code),
  );
  const services = unique(
    'services',
    r.services.map((s) => s.code),
  );
  unique(
    'offices',
    r.offices.map((o) => o.code),
  );
  unique(
    'calendar',
    r.calendar.map((d) => d.date),
  );
  const refuse = (msg: string) => {
    throw new RegionDataError(msg);
  };
  for (const s of r.services) {
    if (!agencies.has(s.agency)) refuse(`service ${s.code}: unknown agency "${s.agency}"`);
    if (!categories.has(s.category)) refuse(`service ${s.code}: unknown category "${s.category}"`);
    for (const sit of s.situations)
      if (!situations.has(sit)) refuse(`service ${s.code}: unknown situation "${sit}"`);
  }
  for (const o of r.offices) {
    if (!districts.has(o.district)) refuse(`office ${o.code}: unknown district "${o.district}"`);
    if (o.services !== 'all')
      for (const c of o.services) if (!services.has(c)) refuse(`office ${o.code}: unknown service "${c}"`);
    for (const w of o.windows) {
      for (const c of w.services)
        if (!services.has(c)) refuse(`office ${o.code} window ${w.number}: unknown service "${c}"`);
      for (const c of w.categories)
        if (!categories.has(c)) refuse(`office ${o.code} window ${w.number}: unknown category "${c}"`);
    }
    for (const h of o.hours) {
      if (h.closes <= h.opens) refuse(`office ${o.code} weekday ${h.weekday}: closes before it opens`);
    }
  }
}
