import { sortedBy } from '../../../shared/collation.js';
import type { Db } from '../../db/client.js';
import { region } from './network.schema.js';
import { officesListing, officesOfferingAll, replaceServiceOffices } from './office-schedule.repository.js';
import { listOffices } from './offices.repository.js';

/** What other modules ask the network: which offices offer a service (and changing the list), the districts of offices. */

export async function serviceOfficeCodes(db: Db, serviceCode: string) {
  const [offices, all] = await Promise.all([officesListing(db, serviceCode), officesOfferingAll(db)]);
  return { offices, officesOfferingAll: all };
}

export const setServiceOfficeCodes = (tx: Db, serviceCode: string, codes: readonly string[]) =>
  replaceServiceOffices(tx, serviceCode, codes);

/** The open offices where a citizen can apply for the service: main centers first, then by district and name. */
export async function openOfficesOffering(db: Db, serviceCode: string) {
  const found = await listOffices(db, { offering: serviceCode, status: 'open' });
  return sortedBy(
    found,
    (o) => (o.kind === 'main' ? 0 : 1),
    (o) => o.districtName,
    (o) => o.name,
  ).map((o) => ({
    code: o.code,
    name: o.name,
    kind: o.kind,
    district: { code: o.districtCode, name: o.districtName },
    address: o.address,
  }));
}

/** The district of each of these offices (unknown ones are left out): for scope checks. */
export { districtsOfOffices } from './offices.repository.js';

/** An office as a message to a citizen names it: name, address, phone, and the time zone its times are in. */
export async function officeForMessage(db: Db, code: string) {
  const [office] = await listOffices(db, { code });
  if (!office) return undefined;
  return { name: office.name, address: office.address, phone: office.phone, timeZone: office.zone };
}

/** The region's time zone (UTC before a region is loaded). */
export async function regionTimeZone(db: Db): Promise<string> {
  const [row] = await db.select({ timeZone: region.timeZone }).from(region);
  return row?.timeZone ?? 'UTC';
}
