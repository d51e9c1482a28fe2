import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { RegionDataError } from './region-problem.js';

/**
 * An optional JSON file of a region folder (`staff.json`, `kiosks.json`, `queue.json`) read with its
 * schema: undefined when the folder has none; a file that is not JSON or not of the schema stops the seed
 * with its path and the first field at fault.
 */
export function loadOptionalRegionFile<S extends z.ZodType>(
  dir: string,
  name: string,
  schema: S,
): z.infer<S> | undefined {
  const path = join(dir, name);
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new RegionDataError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RegionDataError(`${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
