import { sortedBy } from '../../../shared/collation.js';
import type { KioskSetup } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { categoryTitles, publishedServiceMenu } from '../catalog/services.lookup.js';
import { officesNow, servicesOfferedAt } from '../network/network.service.js';
import { officeLoad } from './queue.load.js';
import { activePriorities, queueSettingsOf } from './queue.settings.js';
import { officeTakingTickets } from './tickets.service.js';

/** What a kiosk shows: the office now, whether it issues tickets, its services by category, the priorities. */
export async function kioskSetup(deps: { db: Db; now: Date }, officeCode: string): Promise<KioskSetup> {
  const { db, now } = deps;
  const [office] = await officesNow(db, now, [officeCode]);
  if (!office) throw notFound(`office ${officeCode}`);
  const settings = await queueSettingsOf(db);
  let closedReason: KioskSetup['closedReason'] = null;
  try {
    await officeTakingTickets(db, officeCode, now, settings.closingMarginMinutes);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'OFFICE_CLOSED') throw err;
    closedReason = (err.details as { reason: NonNullable<KioskSetup['closedReason']> }).reason;
  }
  const [menu, categories, priorities, load] = await Promise.all([
    servicesOfferedAt(db, office).then((codes) => publishedServiceMenu(db, codes)),
    categoryTitles(db),
    activePriorities(db),
    officeLoad(deps, officeCode),
  ]);
  const byCategory = new Map<string, typeof menu>();
  for (const s of menu) {
    const key = s.category ?? '';
    byCategory.set(key, [...(byCategory.get(key) ?? []), s]);
  }
  return {
    office: { code: office.code, name: office.name, timeZone: office.timeZone, address: office.address },
    openNow: office.openNow,
    acceptsTickets: closedReason === null,
    closedReason,
    closesAt: office.today.closes,
    categories: categories
      .filter((c) => byCategory.has(c.code))
      .map((c) => ({
        code: c.code,
        title: c.title,
        services: sortedBy(
          (byCategory.get(c.code) ?? []).map((s) => ({
            code: s.code,
            title: s.title,
            shortTitle: s.shortTitle || null,
          })),
          (s) => s.shortTitle ?? s.title,
        ),
      })),
    priorities: priorities.map((p) => ({
      code: p.code,
      title: p.title,
      titleEn: p.titleEn,
      federal: p.federal,
    })),
    load,
  };
}
