import type { z } from 'zod';
import type { DemoKiosk, regionFiles, StaffAccount } from '../../shared/region-data.js';
import { checkRegion } from './region-checks.js';
import { readRegionFolder } from './region-files.js';
import { RegionDataError, type RegionProblem } from './region-problem.js';

export { RegionDataError } from './region-problem.js';

export type RegionData = { [K in keyof typeof regionFiles]: z.infer<(typeof regionFiles)[K]['schema']> };

export type RegionCheck = {
  /** Every problem of the folder, errors and warnings, in the order of the files. */
  problems: RegionProblem[];
  /** The data when there is no error (warnings allowed). */
  data?: RegionData;
  /** The demo accounts of `staff.json` (empty without one). */
  staff: StaffAccount[];
  /** The demo kiosks of `kiosks.json` (empty without one). */
  kiosks: DemoKiosk[];
};

/**
 * Reads a region folder and checks all of it: the files, their schemas, the codes each item refers to, and
 * the rules of services, offices and the calendar. Collects every problem instead of stopping at the first.
 */
export function checkRegionFolder(dir: string): RegionCheck {
  const { folder, problems } = readRegionFolder(dir);
  problems.push(...checkRegion(folder));
  const staff = folder.staff.map((s) => s.value);
  const kiosks = folder.kiosks.map((k) => k.value);
  if (problems.some((p) => p.severity === 'error') || !folder.region) return { problems, staff, kiosks };
  const values = <T>(list: { value: T }[]) => list.map((e) => e.value);
  const data: RegionData = {
    region: folder.region.value,
    districts: values(folder.districts),
    agencies: values(folder.agencies),
    categories: values(folder.categories),
    situations: values(folder.situations),
    services: values(folder.services),
    offices: values(folder.offices),
    calendar: values(folder.calendar),
  };
  return { problems, data, staff, kiosks };
}

/**
 * The data of a region folder for the seed, or a RegionDataError naming every error (file, item, field).
 * Warnings do not stop the seed; `okno region check` prints them.
 */
export function loadRegion(dir: string): RegionData {
  const { problems, data } = checkRegionFolder(dir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !data) throw new RegionDataError(errors);
  return data;
}
