import { sortedBy } from '../../../shared/collation.js';
import type { AdminDistrict, DistrictInput } from '../../../shared/network.admin.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import {
  type DistrictWithCount,
  findDistrict,
  insertDistrict,
  listDistricts as listDistrictRows,
  updateDistrict,
} from './districts.repository.js';
import { toDistrictDto } from './network.mappers.js';

type Deps = { db: Db };

const card = (d: AdminDistrict) => ({ name: d.name, kind: d.kind, population: d.population });

export async function listDistricts({ db }: Deps): Promise<AdminDistrict[]> {
  const found = await listDistrictRows(db, { openOfficesOnly: false });
  return sortedBy(found, (d) => d.name).map(toDistrictDto);
}

export async function createDistrict(
  { db, author }: Deps & { author: ChangeAuthor },
  input: DistrictInput,
): Promise<AdminDistrict> {
  return db.transaction(async (tx) => {
    if (!(await insertDistrict(tx, input)))
      throw new AppError('CONFLICT', `district ${input.code} already exists`);
    const after = toDistrictDto((await findDistrict(tx, input.code)) as DistrictWithCount);
    await recordChange(tx, {
      author,
      entity: 'district',
      key: input.code,
      action: 'create',
      before: null,
      after: card(after),
    });
    return after;
  });
}

export async function editDistrict(
  { db, author }: Deps & { author: ChangeAuthor },
  input: DistrictInput,
): Promise<AdminDistrict> {
  return db.transaction(async (tx) => {
    const row = await findDistrict(tx, input.code, true);
    if (!row) throw notFound(`district ${input.code}`);
    const before = toDistrictDto(row);
    await updateDistrict(tx, input);
    const after = toDistrictDto((await findDistrict(tx, input.code)) as DistrictWithCount);
    await recordChange(tx, {
      author,
      entity: 'district',
      key: input.code,
      action: 'update',
      before: card(before),
      after: card(after),
    });
    return after;
  });
}
