import { type CasesRegionFile, casesRegionFileSchema } from '../../shared/cases.js';
import type { Db } from '../db/client.js';
import { saveCaseSetup } from '../modules/cases/case-settings.js';
import { loadOptionalRegionFile } from './optional-file.js';

/** A region's case settings (`cases.json`): the number prefix, request terms, storage. Optional. */
export function loadCasesSetup(dir: string): CasesRegionFile | undefined {
  return loadOptionalRegionFile(dir, 'cases.json', casesRegionFileSchema);
}

export async function seedCasesSetup(db: Db, setup: CasesRegionFile): Promise<void> {
  await db.transaction((tx) => saveCaseSetup(tx, setup));
}
