import { and, eq, sql } from 'drizzle-orm';
import { addWorkingDays } from '../../../shared/calendar.js';
import { readyStage } from '../../../shared/case-route.js';
import { nowInTimeZone } from '../../../shared/office-hours.js';
import { officeCard, productionCalendar } from '../network/network.service.js';
import { notifyReturnSoon } from './case-notify.js';
import { caseSettingsOf, ensureYearSequences } from './case-settings.js';
import { findApplicant } from './cases.repository.js';
import { cases } from './cases.schema.js';
import type { CaseDeps } from './cases.service.js';

/**
 * What time does to cases, once a minute on every instance (rows taken with SKIP LOCKED): a result about
 * to end its storage term gets `case.return_soon` once, `return_soon_days` working days before; next year's
 * number sequence is made ahead of New Year.
 */
const batch = 200;

export async function sweepCases(deps: CaseDeps): Promise<{ reminded: number }> {
  const { db, now } = deps;
  const year = now.getUTCFullYear();
  await ensureYearSequences(db, [year, year + 1]);
  const settings = await caseSettingsOf(db);
  const calendar = await productionCalendar(db);
  // Storage ending by this date is due a reminder (the region's zone is close enough to pick candidates).
  const horizon = addWorkingDays(calendar, now.toISOString().slice(0, 10), settings.returnSoonDays + 1);
  const reminded = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.stage, readyStage),
          eq(cases.returnSoonSent, false),
          sql`${cases.storageUntil} <= ${horizon}`,
        ),
      )
      .limit(batch)
      .for('update', { skipLocked: true });
    let sent = 0;
    for (const row of due) {
      const office = await officeCard(tx, row.officeCode, db);
      const zone = office?.timeZone ?? 'Europe/Moscow';
      const today = nowInTimeZone(zone, now).date;
      const until = row.storageUntil as string;
      if (addWorkingDays(calendar, today, settings.returnSoonDays) < until) continue;
      const applicant = await findApplicant(tx, row.applicantId);
      const queued = await notifyReturnSoon(tx, deps, row, applicant, until, zone);
      await tx.update(cases).set({ returnSoonSent: true }).where(eq(cases.id, row.id));
      if (queued) sent++;
    }
    return sent;
  });
  return { reminded };
}
