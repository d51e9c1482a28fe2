import type { AdminAgency, AgencyInput } from '../../../shared/catalog.admin.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import {
  type AgencyRow,
  findAgencyRow,
  insertAgency,
  listAgencyRows,
  updateAgency,
} from './agencies.repository.js';

type Deps = { db: Db };
type WriteDeps = Deps & { author: ChangeAuthor };

export const toAdminAgencyDto = (r: AgencyRow): AdminAgency => ({
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  level: r.level,
  serviceCount: Number(r.service_count),
});
const card = (a: AdminAgency) => ({ name: a.name, shortName: a.shortName, level: a.level });

export const listAgencies = async ({ db }: Deps) => (await listAgencyRows(db)).map(toAdminAgencyDto);

export async function createAgency({ db, author }: WriteDeps, input: AgencyInput): Promise<AdminAgency> {
  return db.transaction(async (tx) => {
    if (!(await insertAgency(tx, input)))
      throw new AppError('CONFLICT', `agency ${input.code} already exists`);
    const after = toAdminAgencyDto((await findAgencyRow(tx, input.code)) as AgencyRow);
    await recordChange(tx, {
      author,
      entity: 'agency',
      key: input.code,
      action: 'create',
      before: null,
      after: card(after),
    });
    return after;
  });
}

export async function editAgency({ db, author }: WriteDeps, input: AgencyInput): Promise<AdminAgency> {
  return db.transaction(async (tx) => {
    const row = await findAgencyRow(tx, input.code, true);
    if (!row) throw notFound(`agency ${input.code}`);
    await updateAgency(tx, input);
    const after = toAdminAgencyDto((await findAgencyRow(tx, input.code)) as AgencyRow);
    await recordChange(tx, {
      author,
      entity: 'agency',
      key: input.code,
      action: 'update',
      before: card(toAdminAgencyDto(row)),
      after: card(after),
    });
    return after;
  });
}
