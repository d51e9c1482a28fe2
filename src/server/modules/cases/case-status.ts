import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CaseStatus } from '../../../shared/cases.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { officeCard } from '../network/network.service.js';
import { caseRatingToken } from '../quality/rating-token.js';
import { caseSettingsOf } from './case-settings.js';
import { toCaseStatus } from './cases.mappers.js';
import { findCaseByNumber } from './cases.repository.js';
import { statusLookupFailures } from './cases.schema.js';

/**
 * The status of a case for every channel (portal, kiosk, call center): by number and PIN, nothing personal.
 * An unknown number and a wrong PIN get the same 404, in the same way (the failure is counted for the
 * number either way); a number with too many failures in the window is refused for both with 429 until the
 * window passes — so a case's PIN cannot be guessed, and whether a number exists cannot be told.
 */
export async function caseStatus(
  deps: { db: Db; cipher: PersonalDataCipher; now: Date },
  number: string,
  pin: string,
): Promise<CaseStatus> {
  const { db, now } = deps;
  const settings = await caseSettingsOf(db);
  const windowStart = new Date(now.getTime() - settings.statusFailureWindowMinutes * 60_000).toISOString();
  const [limited] = await db
    .select({ failures: statusLookupFailures.failures })
    .from(statusLookupFailures)
    .where(
      sql`${statusLookupFailures.number} = ${number} and ${statusLookupFailures.windowStart} > ${windowStart} and ${statusLookupFailures.failures} >= ${settings.statusFailuresPerNumber}`,
    );
  if (limited) {
    throw new AppError('RATE_LIMITED', 'too many wrong attempts for this case number: try again later', {
      retryAfterMinutes: settings.statusFailureWindowMinutes,
    });
  }
  const row = await findCaseByNumber(db, number);
  if (!row || !samePin(deps.cipher.open(row.pin), pin)) {
    await db
      .insert(statusLookupFailures)
      .values({ number, windowStart: now.toISOString(), failures: 1 })
      .onConflictDoUpdate({
        target: statusLookupFailures.number,
        set: {
          failures: sql`case when ${statusLookupFailures.windowStart} > ${windowStart} then ${statusLookupFailures.failures} + 1 else 1 end`,
          windowStart: sql`case when ${statusLookupFailures.windowStart} > ${windowStart} then ${statusLookupFailures.windowStart} else ${now.toISOString()}::timestamptz end`,
        },
      });
    throw notFound('case');
  }
  const office = await officeCard(db, row.officeCode);
  if (!office) throw notFound('case');
  return toCaseStatus(
    row,
    { code: office.code, name: office.name, address: office.address, timeZone: office.timeZone },
    caseRatingToken(deps.cipher, row.id),
  );
}

function samePin(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
