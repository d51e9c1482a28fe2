import type { Kiosk } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { requireKnownCode } from '../../db/references.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import { districtsOfOffices } from '../network/service-offices.js';
import type { ActorScope } from '../staff/auth.policy.js';
import {
  hashKioskSecret,
  kioskCodeExpiry,
  newKioskCode,
  newKioskToken,
  normalizeKioskCode,
} from './kiosk-credentials.js';
import * as repo from './kiosks.repository.js';
import type { KioskRow } from './queue.schema.js';

/**
 * Enrolled kiosks: an admin enrolls one for an office and gets a one-time code (24 h); the kiosk exchanges
 * it for a device token it keeps and sends as `X-Kiosk-Token`; a new code replaces the token; revocation
 * ends it for good. Only hashes of codes and tokens are stored. Every change is in the change log
 * (entity `kiosk`, key the kiosk's id), in the change's transaction.
 */

type Deps = { db: Db };
type WriteDeps = Deps & { author: ChangeAuthor; now: Date };

export const kioskStatus = (r: KioskRow): Kiosk['status'] =>
  r.revokedAt !== null ? 'revoked' : r.tokenHash !== null ? 'enrolled' : 'pending';

export const toKioskDto = (r: KioskRow): Kiosk => ({
  id: r.id,
  officeCode: r.officeCode,
  label: r.label,
  status: kioskStatus(r),
  createdAt: isoTimestamp(r.createdAt),
  enrolledAt: r.enrolledAt === null ? null : isoTimestamp(r.enrolledAt),
  revokedAt: r.revokedAt === null ? null : isoTimestamp(r.revokedAt),
  lastSeenAt: r.lastSeenAt === null ? null : isoTimestamp(r.lastSeenAt),
  codeExpiresAt: r.codeExpiresAt === null ? null : isoTimestamp(r.codeExpiresAt),
});

/** What the change log keeps of a kiosk: never a hash. */
const card = (k: Kiosk) => ({ office: k.officeCode, label: k.label, status: k.status });

/** The kiosk device that exchanged its code: no staff member, so no user id. */
const kioskAuthor: ChangeAuthor = { userId: null, login: 'kiosk' };

/** The office a kiosk belongs to (the history's scope check), or undefined. */
export const kioskOffice = (db: Db, id: string) => repo.officeOfKiosk(db, id);

/** The kiosks of an office within the admin's scope, oldest first. */
export async function listKiosks({ db }: Deps, scope: ActorScope, office: string): Promise<Kiosk[]> {
  if (!(await districtsOfOffices(db, [office])).has(office)) throw notFound(`office ${office}`);
  return (await repo.listKioskRows(db, office, scope)).map(toKioskDto);
}

/** A new kiosk of an office, waiting for its one-time code to be typed on it. */
export async function createKiosk(
  { db, author, now }: WriteDeps,
  input: { office: string; label: string },
): Promise<{ kiosk: Kiosk; code: string }> {
  const code = newKioskCode();
  return db.transaction(async (tx) => {
    await requireKnownCode(tx, 'offices', 'office', input.office);
    const row = await repo.insertKiosk(tx, {
      officeCode: input.office,
      label: input.label,
      codeHash: hashKioskSecret(code),
      codeExpiresAt: kioskCodeExpiry(now).toISOString(),
      createdBy: author.userId,
      createdAt: now.toISOString(),
    });
    const kiosk = toKioskDto(row);
    await recordChange(tx, {
      author,
      entity: 'kiosk',
      key: kiosk.id,
      action: 'create',
      before: null,
      after: card(kiosk),
    });
    return { kiosk, code };
  });
}

async function lockKiosk(tx: Db, scope: ActorScope, id: string): Promise<KioskRow> {
  const row = await repo.findKioskRow(tx, id, scope, true);
  if (!row) throw notFound(`kiosk ${id}`);
  return row;
}

/**
 * A fresh one-time code for a kiosk (a new device, a lost token): its device token stops working at once,
 * the kiosk is pending until the new code is typed on it. A revoked kiosk stays revoked: enroll a new one.
 */
export async function newKioskCodeFor(
  { db, author, now }: WriteDeps,
  scope: ActorScope,
  id: string,
): Promise<{ kiosk: Kiosk; code: string }> {
  const code = newKioskCode();
  return db.transaction(async (tx) => {
    const before = toKioskDto(await lockKiosk(tx, scope, id));
    if (before.status === 'revoked')
      throw new AppError('CONFLICT', `kiosk ${id} is revoked: enroll a new kiosk instead`);
    const kiosk = toKioskDto(
      await repo.updateKiosk(tx, before.id, {
        codeHash: hashKioskSecret(code),
        codeExpiresAt: kioskCodeExpiry(now).toISOString(),
        tokenHash: null,
      }),
    );
    await recordChange(tx, {
      author,
      entity: 'kiosk',
      key: kiosk.id,
      action: 'code',
      before: card(before),
      after: card(kiosk),
    });
    return { kiosk, code };
  });
}

/** Revokes a kiosk for good: its token and any code stop working. Revoking twice changes nothing. */
export async function revokeKiosk({ db, author, now }: WriteDeps, scope: ActorScope, id: string) {
  return db.transaction(async (tx) => {
    const row = await lockKiosk(tx, scope, id);
    if (row.revokedAt !== null) return toKioskDto(row);
    const before = toKioskDto(row);
    const kiosk = toKioskDto(
      await repo.updateKiosk(tx, row.id, {
        revokedAt: now.toISOString(),
        tokenHash: null,
        codeHash: null,
        codeExpiresAt: null,
      }),
    );
    await recordChange(tx, {
      author,
      entity: 'kiosk',
      key: kiosk.id,
      action: 'revoke',
      before: card(before),
      after: card(kiosk),
    });
    return kiosk;
  });
}

/**
 * The kiosk's side: a one-time code exchanged for the device token (returned once, kept only hashed). A
 * wrong, used, expired or revoked code is the same NOT_FOUND, so an answer tells a guesser nothing.
 */
export async function exchangeKioskCode(
  { db, now }: Deps & { now: Date },
  typed: string,
): Promise<{ token: string; kiosk: Kiosk }> {
  const codeHash = hashKioskSecret(normalizeKioskCode(typed));
  const token = newKioskToken();
  return db.transaction(async (tx) => {
    const row = await repo.findKioskByCode(tx, codeHash);
    if (!row || row.codeExpiresAt === null || Date.parse(row.codeExpiresAt) <= now.getTime())
      throw notFound('enrollment code');
    const before = toKioskDto(row);
    const kiosk = toKioskDto(
      await repo.updateKiosk(tx, row.id, {
        tokenHash: hashKioskSecret(token),
        codeHash: null,
        codeExpiresAt: null,
        enrolledAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
      }),
    );
    await recordChange(tx, {
      author: kioskAuthor,
      entity: 'kiosk',
      key: kiosk.id,
      action: 'enroll',
      before: card(before),
      after: card(kiosk),
    });
    return { token, kiosk };
  });
}

/** The kiosk enrolled for this office whose device token this is (and not revoked), marked seen; else null. */
export async function kioskForOffice(
  db: Db,
  token: string,
  officeCode: string,
  now: Date,
): Promise<{ id: string } | null> {
  if (token.length === 0 || token.length > 200) return null;
  return (await repo.touchKioskByToken(db, hashKioskSecret(token), officeCode, now)) ?? null;
}

/** The id of the enrolled kiosk whose device token this is, of any office (a rate limit's key); else null. */
export async function enrolledKioskId(db: Db, token: string): Promise<string | null> {
  if (token.length === 0 || token.length > 200) return null;
  return (await repo.kioskByToken(db, hashKioskSecret(token)))?.id ?? null;
}

/**
 * A demo kiosk with a known device token (the demo region's `kiosks.json`): enrolled at once. Found by its
 * office and label, so a seed run again — or a kiosk an admin revoked — is left as it is.
 */
export async function seedDemoKiosk(
  db: Db,
  kiosk: { office: string; label: string; demoToken: string },
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (await repo.findKioskByLabel(tx, kiosk.office, kiosk.label)) return false;
    await repo.insertKiosk(tx, {
      officeCode: kiosk.office,
      label: kiosk.label,
      tokenHash: hashKioskSecret(kiosk.demoToken),
      createdAt: now.toISOString(),
      enrolledAt: now.toISOString(),
    });
    return true;
  });
}
