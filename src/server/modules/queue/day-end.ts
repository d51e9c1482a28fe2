import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { toMinutes } from '../../../shared/office-hours.js';
import type { Db } from '../../db/client.js';
import { officesNow } from '../network/network.service.js';
import { tickets } from './queue.schema.js';
import { queueSettingsOf } from './queue.settings.js';
import { appendTicketEvent } from './tickets.repository.js';
import { publishQueue } from './tickets.service.js';
import { lockOfficeQueue } from './windows.repository.js';

/**
 * End of day: tickets still waiting (or called and never come) once the office has closed plus the grace
 * period — or from an earlier day — are closed with the reason `day_end`; statistics keep them. Safe on
 * many instances at once: a ticket is closed by one UPDATE whose rows are locked, and only the rows it
 * changed get their event.
 */
export async function closeEndedDays(db: Db, now: Date): Promise<number> {
  const open = await db
    .selectDistinct({ office: tickets.officeCode })
    .from(tickets)
    .where(inArray(tickets.status, ['waiting', 'called']));
  if (open.length === 0) return 0;
  const settings = await queueSettingsOf(db);
  const offices = await officesNow(
    db,
    now,
    open.map((o) => o.office),
  );
  let closed = 0;
  for (const office of offices) {
    const local = toMinutes(office.local.time);
    const dayOver =
      !office.today.open ||
      office.today.closes === null ||
      local >= toMinutes(office.today.closes) + settings.dayEndGraceMinutes;
    const at = now.toISOString();
    closed += await db.transaction(async (tx) => {
      // under the office's queue lock, as a call: a ticket is never called and closed at once
      await lockOfficeQueue(tx, office.code);
      const rows = await tx
        .update(tickets)
        .set({ status: 'closed', finishedAt: at, windowNumber: null })
        .where(
          and(
            eq(tickets.officeCode, office.code),
            inArray(tickets.status, ['waiting', 'called']),
            dayOver ? sql`true` : lt(tickets.day, office.local.date),
          ),
        )
        .returning({ id: tickets.id });
      for (const r of rows) {
        await appendTicketEvent(tx, {
          ticketId: r.id,
          officeCode: office.code,
          kind: 'closed',
          at,
          details: { reason: 'day_end' },
        });
      }
      if (rows.length > 0) await publishQueue(tx, office.code, 'change');
      return rows.length;
    });
  }
  return closed;
}
