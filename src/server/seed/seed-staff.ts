import { z } from 'zod';
import { type StaffAccount, staffAccountSchema } from '../../shared/region-data.js';
import type { Db } from '../db/client.js';
import { listDistricts } from '../modules/network/districts.repository.js';
import { listOffices } from '../modules/network/offices.repository.js';
import { createAccount } from '../modules/staff/accounts.create.js';
import { findUserByLogin } from '../modules/staff/auth.repository.js';
import { loadOptionalRegionFile } from './optional-file.js';
import { RegionDataError } from './region-problem.js';

const staffFileSchema = z.array(staffAccountSchema);

export type { StaffAccount };

/** The accounts of `staff.json` in a region folder, or undefined when the folder has none. */
export function loadStaff(dir: string): StaffAccount[] | undefined {
  return loadOptionalRegionFile(dir, 'staff.json', staffFileSchema);
}

/**
 * Creates the accounts that do not exist yet; an existing login is left as it is (its password may have
 * been changed since). The offices and districts of the scopes must exist: seed the region first.
 */
export async function seedStaff(
  db: Db,
  accounts: StaffAccount[],
): Promise<{ created: number; existing: number }> {
  const offices = new Set((await listOffices(db, {})).map((r) => r.code));
  const districts = new Set((await listDistricts(db, { openOfficesOnly: false })).map((r) => r.code));
  for (const a of accounts) {
    for (const { scope } of a.grants) {
      const missing =
        scope.kind === 'district'
          ? districts.has(scope.district)
            ? []
            : [`district ${scope.district}`]
          : scope.kind === 'offices'
            ? scope.offices.filter((o) => !offices.has(o)).map((o) => `office ${o}`)
            : [];
      if (missing.length) throw new RegionDataError(`staff.json: ${a.login}: unknown ${missing.join(', ')}`);
    }
  }
  let created = 0;
  for (const a of accounts) {
    if (await findUserByLogin(db, a.login)) continue;
    await createAccount(db, { ...a, allowWeakPassword: true }, { by: 'seed' });
    created++;
  }
  return { created, existing: accounts.length - created };
}
