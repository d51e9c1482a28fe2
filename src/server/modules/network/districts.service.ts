import type { AdminDistrict, DistrictInput } from '../../../shared/network.admin.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import {
  type DistrictRow,
  findDistrictRow,
  insertDistrict,
  listDistrictRows,
  updateDistrict,
} from './districts.repository.js';

type Deps = { db: Db };

export const toAdminDistrictDto = (r: DistrictRow): AdminDistrict => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  population: Number(r.population),
  officeCount: Number(r.office_count),
});
const card = (d: AdminDistrict) => ({ name: d.name, kind: d.kind, population: d.population });

export async function listDistricts({ db }: Deps): Promise<AdminDistrict[]> {
  return (await listDistrictRows(db)).map(toAdminDistrictDto);
}

export async function createDistrict(
  { db, author }: Deps & { author: ChangeAuthor },
  input: DistrictInput,
): Promise<AdminDistrict> {
  return db.transaction(async (tx) => {
    if (!(await insertDistrict(tx, input)))
      throw new AppError('CONFLICT', `district ${input.code} already exists`);
    const after = toAdminDistrictDto((await findDistrictRow(tx, input.code)) as DistrictRow);
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
    const row = await findDistrictRow(tx, input.code, true);
    if (!row) throw notFound(`district ${input.code}`);
    const before = toAdminDistrictDto(row);
    await updateDistrict(tx, input);
    const after = toAdminDistrictDto((await findDistrictRow(tx, input.code)) as DistrictRow);
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
