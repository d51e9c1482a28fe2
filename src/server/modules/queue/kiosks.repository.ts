import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { qualified } from '../../db/columns.js';
import type { ActorScope } from '../staff/auth.policy.js';
import { officeInScope } from '../staff/scope.sql.js';
import { type KioskRow, kiosks } from './queue.schema.js';

/**
 * Named queries on `kiosks`. An admin's reads and writes are narrowed by `officeInScope` on the kiosk's
 * office (and its district, read in a subquery like every scope condition): a kiosk of another district is
 * not found, whatever its id.
 */

const inScope = (scope: ActorScope) =>
  officeInScope(
    scope,
    sql`${qualified(kiosks.officeCode)}`,
    sql`(select o.district_code from offices o where o.code = ${qualified(kiosks.officeCode)})`,
  );

export const listKioskRows = (db: Db, officeCode: string, scope: ActorScope): Promise<KioskRow[]> =>
  db
    .select()
    .from(kiosks)
    .where(and(eq(kiosks.officeCode, officeCode), inScope(scope)))
    .orderBy(asc(kiosks.createdAt), asc(kiosks.id));

/** A kiosk within the scope (locked for a change), or undefined. */
export async function findKioskRow(
  db: Db,
  id: string,
  scope: ActorScope,
  lock = false,
): Promise<KioskRow | undefined> {
  const query = db
    .select()
    .from(kiosks)
    .where(and(eq(kiosks.id, id), inScope(scope)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export type NewKiosk = typeof kiosks.$inferInsert;

export async function insertKiosk(tx: Db, values: NewKiosk): Promise<KioskRow> {
  const [row] = await tx.insert(kiosks).values(values).returning();
  return row;
}

export type KioskChange = Partial<Omit<KioskRow, 'id' | 'officeCode' | 'createdAt' | 'createdBy'>>;

export async function updateKiosk(tx: Db, id: string, change: KioskChange): Promise<KioskRow> {
  const [row] = await tx.update(kiosks).set(change).where(eq(kiosks.id, id)).returning();
  return row;
}

/** The kiosk (not revoked) holding a one-time code of this hash, locked; expired ones too (the caller checks). */
export async function findKioskByCode(tx: Db, codeHash: string): Promise<KioskRow | undefined> {
  const [row] = await tx
    .select()
    .from(kiosks)
    .where(and(eq(kiosks.codeHash, codeHash), isNull(kiosks.revokedAt)))
    .for('update');
  return row;
}

/**
 * The kiosk of this office holding this device token and not revoked, marked seen now — one statement, so
 * a ticket's check costs one round trip.
 */
export async function touchKioskByToken(
  db: Db,
  tokenHash: string,
  officeCode: string,
  now: Date,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(kiosks)
    .set({ lastSeenAt: now.toISOString() })
    .where(and(eq(kiosks.tokenHash, tokenHash), eq(kiosks.officeCode, officeCode), isNull(kiosks.revokedAt)))
    .returning({ id: kiosks.id });
  return row;
}

/** The office of a kiosk, whatever its state (undefined for an unknown id). */
export async function officeOfKiosk(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ office: kiosks.officeCode }).from(kiosks).where(eq(kiosks.id, id));
  return row?.office;
}

/** A kiosk of an office by its label (the seed's demo kiosks are found so, revoked or not). */
export async function findKioskByLabel(
  db: Db,
  officeCode: string,
  label: string,
): Promise<KioskRow | undefined> {
  const [row] = await db
    .select()
    .from(kiosks)
    .where(and(eq(kiosks.officeCode, officeCode), eq(kiosks.label, label)))
    .limit(1);
  return row;
}

/** The enrolled, not revoked kiosk holding a device token (any office). */
export async function kioskByToken(db: Db, tokenHash: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: kiosks.id })
    .from(kiosks)
    .where(and(eq(kiosks.tokenHash, tokenHash), isNull(kiosks.revokedAt)));
  return row;
}

/** The enrolled, not revoked kiosks of these offices (the situational center's «kiosk offline»), in one query. */
export const enrolledKiosksOf = (db: Db, officeCodes: readonly string[]) =>
  officeCodes.length === 0
    ? Promise.resolve([])
    : db
        .select({
          officeCode: kiosks.officeCode,
          label: kiosks.label,
          enrolledAt: kiosks.enrolledAt,
          lastSeenAt: kiosks.lastSeenAt,
        })
        .from(kiosks)
        .where(
          and(
            inArray(kiosks.officeCode, [...officeCodes]),
            isNotNull(kiosks.enrolledAt),
            isNull(kiosks.revokedAt),
          ),
        )
        .orderBy(asc(kiosks.officeCode), asc(kiosks.label));
