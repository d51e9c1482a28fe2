import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  type DemoKiosk,
  demoKioskSchema,
  type RegionFile,
  regionFiles,
  type StaffAccount,
  staffAccountSchema,
} from '../../shared/region-data.js';
import { type Located, pathOf, type RegionProblem } from './region-problem.js';
import { unknownFields } from './unknown-fields.js';

export type ListKey = Exclude<keyof typeof regionFiles, 'region'>;
/** The optional files of demo data: `staff.json` (accounts) and `kiosks.json` (enrolled kiosks). */
export type DemoKey = 'staff' | 'kiosks';
type ItemOf<K extends ListKey> = z.infer<(typeof regionFiles)[K]['schema']>[number];

/** Codes of a list that can be referred to. */
export type Codes = { has(code: string): boolean };

/** A region folder as read: each item that passed its schema, with its file and index. */
export type RegionFolder = { [K in ListKey]: Located<ItemOf<K>>[] } & {
  region?: { value: RegionFile; file: string };
  /** The demo accounts of `staff.json`; empty when the folder has none. */
  staff: Located<StaffAccount>[];
  /** The demo kiosks of `kiosks.json`; empty when the folder has none. */
  kiosks: Located<DemoKiosk>[];
  /** Codes (dates, logins) of items that failed their schema: references to them are not reported again. */
  unparsed: Record<ListKey | DemoKey, Set<string>>;
  /** Lists of which a file is missing or unreadable: their codes are unknown, references to them unchecked. */
  unread: Set<ListKey | DemoKey>;
};

/** What an item is called in a problem, and which of its fields is its code. */
export const itemKinds: Record<ListKey | DemoKey, { kind: string; key: string }> = {
  districts: { kind: 'district', key: 'code' },
  agencies: { kind: 'agency', key: 'code' },
  categories: { kind: 'category', key: 'code' },
  situations: { kind: 'situation', key: 'code' },
  services: { kind: 'service', key: 'code' },
  offices: { kind: 'office', key: 'code' },
  calendar: { kind: 'day', key: 'date' },
  staff: { kind: 'staff account', key: 'login' },
  kiosks: { kind: 'demo kiosk', key: 'demoToken' },
};

/** A file above this size is hard to review and to diff: split it into a folder of files. */
const largeFileBytes = 600 * 1024;

/**
 * Reads a region folder: each part is a file (`services.json`) or a folder of files (`services/*.json`)
 * whose arrays are concatenated; `staff.json` and `kiosks.json` are optional. Collects every problem of reading and of the
 * schemas — a missing file, invalid JSON, a wrong type, an unknown field — and keeps the items that pass.
 */
export function readRegionFolder(dir: string): { folder: RegionFolder; problems: RegionProblem[] } {
  const problems: RegionProblem[] = [];
  const unparsed = Object.fromEntries(Object.keys(itemKinds).map((k) => [k, new Set<string>()]));
  const lists = Object.fromEntries(Object.keys(itemKinds).map((k) => [k, []]));
  const folder = { ...lists, unparsed, unread: new Set() } as unknown as RegionFolder;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ severity: 'error', file: dir, message: 'region folder not found' });
    return { folder, problems };
  }
  for (const [key, { file, schema }] of Object.entries(regionFiles)) {
    const { parts, complete } = readParts(dir, file, problems);
    if (key === 'region') {
      if (parts[0]) folder.region = readRegionObject(parts[0], problems);
      continue;
    }
    if (!complete) folder.unread.add(key as ListKey);
    const item = (schema as z.ZodArray<z.ZodType>).element;
    const items = parts.flatMap((part) => readItems(part, key as ListKey, item, folder, problems));
    (folder as unknown as Record<string, Located<unknown>[]>)[key] = items;
  }
  const staff = join(dir, 'staff.json');
  if (existsSync(staff)) {
    const part = readPart(staff, problems);
    if (part) folder.staff = readItems(part, 'staff', staffAccountSchema, folder, problems);
    else folder.unread.add('staff');
  }
  const kiosks = join(dir, 'kiosks.json');
  if (existsSync(kiosks)) {
    const part = readPart(kiosks, problems);
    if (part) folder.kiosks = readItems(part, 'kiosks', demoKioskSchema, folder, problems);
    else folder.unread.add('kiosks');
  }
  return { folder, problems };
}

type Part = { file: string; value: unknown };

function readParts(
  dir: string,
  file: string,
  problems: RegionProblem[],
): { parts: Part[]; complete: boolean } {
  const single = join(dir, file);
  const folderPath = join(dir, file.replace(/\.json$/, ''));
  const hasFolder = existsSync(folderPath) && statSync(folderPath).isDirectory();
  const inFolder = hasFolder
    ? readdirSync(folderPath)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(folderPath, f))
    : [];
  if (existsSync(single) && inFolder.length > 0) {
    problems.push({
      severity: 'error',
      file: single,
      message: `both this file and the folder ${folderPath} exist: keep one`,
    });
    return { parts: [], complete: false };
  }
  const paths = existsSync(single) ? [single] : inFolder;
  if (paths.length === 0)
    problems.push({
      severity: 'error',
      file: single,
      message: `missing (nor is there a folder ${folderPath} of .json files)`,
    });
  const parts = paths.flatMap((path) => readPart(path, problems) ?? []);
  const complete =
    paths.length > 0 && parts.length === paths.length && parts.every((p) => Array.isArray(p.value));
  return { parts, complete: file === regionFiles.region.file ? parts.length === 1 : complete };
}

function readPart(file: string, problems: RegionProblem[]): Part | undefined {
  const size = statSync(file).size;
  if (size > largeFileBytes)
    problems.push({
      severity: 'warning',
      file,
      message: `${Math.round(size / 1024)} KB: keep files under ${largeFileBytes / 1024} KB (split into a folder)`,
    });
  try {
    return { file, value: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (err) {
    problems.push({ severity: 'error', file, message: `not valid JSON (${(err as Error).message})` });
    return undefined;
  }
}

function readRegionObject(part: Part, problems: RegionProblem[]): RegionFolder['region'] {
  const schema = regionFiles.region.schema;
  const parsed = schema.safeParse(part.value);
  for (const issue of parsed.error?.issues ?? [])
    problems.push({
      severity: 'error',
      file: part.file,
      at: pathOf(undefined, issue.path),
      message: issue.message,
    });
  for (const path of unknownFields(schema, part.value))
    problems.push({
      severity: 'error',
      file: part.file,
      at: pathOf(undefined, path),
      message: 'unknown field',
    });
  return parsed.success ? { value: parsed.data, file: part.file } : undefined;
}

function readItems<T>(
  part: Part,
  key: ListKey | DemoKey,
  schema: z.ZodType<T>,
  folder: RegionFolder,
  problems: RegionProblem[],
): Located<T>[] {
  if (!Array.isArray(part.value)) {
    problems.push({ severity: 'error', file: part.file, at: '', message: 'must hold a JSON array' });
    return [];
  }
  const { kind, key: codeKey } = itemKinds[key];
  const items: Located<T>[] = [];
  part.value.forEach((raw, index) => {
    const code = (raw as Record<string, unknown> | null)?.[codeKey];
    const item = typeof code === 'string' ? `${kind} ${code}` : undefined;
    const parsed = schema.safeParse(raw);
    for (const issue of parsed.error?.issues ?? [])
      problems.push({
        severity: 'error',
        file: part.file,
        at: pathOf(index, issue.path),
        item,
        message: issue.message,
      });
    for (const path of unknownFields(schema, raw))
      problems.push({
        severity: 'error',
        file: part.file,
        at: pathOf(index, path),
        item,
        message: 'unknown field',
      });
    if (parsed.success) items.push({ value: parsed.data, file: part.file, index });
    else if (typeof code === 'string') folder.unparsed[key].add(code);
  });
  return items;
}
