import type { Db } from '../../db/client.js';

/**
 * Enrolled kiosks: an admin enrolls one for an office and gets a one-time code; the kiosk exchanges it for a
 * device token it keeps; revocable. (Being built: enrollment, exchange, revocation, the admin's routes.)
 */

/** The kiosk enrolled for this office whose device token this is (and not revoked), marked seen; else null. */
export async function kioskForOffice(
  _db: Db,
  _token: string,
  _officeCode: string,
  _now: Date,
): Promise<{ id: string } | null> {
  return null;
}
