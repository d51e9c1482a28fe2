import type { Db } from '../../db/client.js';
import { officesListing, officesOfferingAll, replaceServiceOffices } from './office-schedule.repository.js';

/** What the catalog asks the network about a service: which offices offer it, and changing the list. */

export async function serviceOfficeCodes(db: Db, serviceCode: string) {
  const [offices, all] = await Promise.all([officesListing(db, serviceCode), officesOfferingAll(db)]);
  return { offices, officesOfferingAll: all };
}

export const setServiceOfficeCodes = (tx: Db, serviceCode: string, codes: readonly string[]) =>
  replaceServiceOffices(tx, serviceCode, codes);
