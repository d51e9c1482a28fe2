import type { AdminAgency, AgencyInput } from '../../../shared/catalog.admin.js';
import { sortedBy } from '../../../shared/collation.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import {
  type AgencyWithCount,
  findAgency,
  insertAgency,
  listAgencies as listAgencyRows,
  updateAgency,
} from './agencies.repository.js';

type Deps = { db: Db };
type WriteDeps = Deps & { author: ChangeAuthor };

export const toAdminAgencyDto = (r: AgencyWithCount): AdminAgency => ({
  code: r.code,
  name: r.name,
  shortName: r.shortName,
  level: r.level,
  serviceCount: r.serviceCount,
});
const card = (a: AdminAgency) => ({ name: a.name, shortName: a.shortName, level: a.level });

const levelRank = { federal: 0, regional: 1, municipal: 2 } as const;

export const listAgencies = async ({ db }: Deps) =>
  sortedBy(
    await listAgencyRows(db),
    (a) => levelRank[a.level],
    (a) => a.name,
  ).map(toAdminAgencyDto);

export async function createAgency({ db, author }: WriteDeps, input: AgencyInput): Promise<AdminAgency> {
  return db.transaction(async (tx) => {
    if (!(await insertAgency(tx, input)))
      throw new AppError('CONFLICT', `agency ${input.code} already exists`);
    const after = toAdminAgencyDto((await findAgency(tx, input.code)) as AgencyWithCount);
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
    const row = await findAgency(tx, input.code, true);
    if (!row) throw notFound(`agency ${input.code}`);
    await updateAgency(tx, input);
    const after = toAdminAgencyDto((await findAgency(tx, input.code)) as AgencyWithCount);
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
