import { sql } from 'drizzle-orm';
import type { ServiceCardInput } from '../../shared/catalog.admin.js';
import type { Db } from '../db/client.js';
import { saveAgency } from '../modules/catalog/agencies.repository.js';
import { refreshSearchWords } from '../modules/catalog/catalog.search-words.js';
import { findServiceRow, saveService, saveVersion } from '../modules/catalog/services.repository.js';
import { saveTopic } from '../modules/catalog/topics.repository.js';
import { upsertOverride } from '../modules/network/calendar.repository.js';
import { saveDistrict } from '../modules/network/districts.repository.js';
import {
  replaceExceptions,
  replaceHours,
  replaceOfficeServices,
  replaceWindows,
} from '../modules/network/office-schedule.repository.js';
import { saveOffice } from '../modules/network/offices.repository.js';
import { saveRegion } from '../modules/network/region.repository.js';
import type { RegionData } from './load-region.js';

export { hasRegion } from '../modules/network/region.repository.js';

export type SeedCounts = {
  districts: number;
  offices: number;
  agencies: number;
  services: number;
  calendarDays: number;
};

/**
 * Loads a region's data into the database in one transaction: everything or nothing. It writes through
 * the same repository functions as the admin console. Loading the same files again updates the rows in
 * place, so a region can refresh its data.
 */
export async function seedRegion(db: Db, data: RegionData): Promise<SeedCounts> {
  await db.transaction(async (tx) => {
    await saveRegion(tx, data.region);
    for (const d of data.districts) await saveDistrict(tx, d);
    for (const a of data.agencies) await saveAgency(tx, a);
    for (const [i, c] of data.categories.entries()) await saveTopic(tx, 'category', c, i);
    for (const [i, s] of data.situations.entries()) await saveTopic(tx, 'situation', s, i);
    for (const s of data.services) await seedService(tx, s);
    for (const d of data.calendar)
      await upsertOverride(tx, { date: d.date, kind: d.kind, note: d.note ?? null });
    const remoteServices = data.services
      .filter((s) => s.remote && s.status === 'published')
      .map((s) => s.code);
    for (const o of data.offices) await seedOffice(tx, o, remoteServices);
    await refreshSearchWords(tx);
  });
  // Fresh tables have no statistics until autovacuum comes round: plan the first queries on real ones.
  await db.execute(sql`analyze`);
  return {
    districts: data.districts.length,
    offices: data.offices.length,
    agencies: data.agencies.length,
    services: data.services.length,
    calendarDays: data.calendar.length,
  };
}

type ServiceFile = RegionData['services'][number];

/** A service file as the card the console edits. */
const cardOf = (s: ServiceFile): ServiceCardInput => ({
  title: s.title,
  shortTitle: s.shortTitle,
  description: s.description,
  agency: s.agency,
  category: s.category,
  situations: s.situations,
  applicantKinds: s.applicantKinds,
  fee: s.fee === null ? null : { amount: s.fee.amount, note: s.fee.note ?? null },
  term: s.term,
  keepResultDays: s.keepResultDays ?? null,
  documents: s.documents.map((d) => ({ ...d, note: d.note ?? null })),
  results: s.results,
  refusalReasons: s.refusalReasons,
  stages: s.stages.map((st) => ({ ...st, durationDays: st.durationDays ?? null })),
  aliases: s.aliases,
});

async function seedService(tx: Db, s: ServiceFile): Promise<void> {
  const existing = await findServiceRow(tx, s.code);
  const version = existing?.publishedVersion ?? existing?.draftVersion ?? 1;
  const published = s.status === 'published';
  await saveService(tx, s.code, {
    popularity: s.popularity,
    publishedVersion: published ? version : null,
    draftVersion: published ? null : version,
  });
  await saveVersion(tx, s.code, version, s.status, cardOf(s), 'seed');
}

async function seedOffice(tx: Db, o: RegionData['offices'][number], remoteServices: string[]): Promise<void> {
  const all = o.services === 'all';
  await saveOffice(
    tx,
    {
      code: o.code,
      name: o.name,
      kind: o.kind,
      district: o.district,
      address: o.address,
      lat: o.lat ?? null,
      lon: o.lon ?? null,
      phone: o.phone ?? null,
      email: o.email ?? null,
      timeZone: o.timeZone ?? null,
    },
    all,
  );
  await replaceWindows(
    tx,
    o.code,
    o.windows.map((w) => ({
      number: w.number,
      label: w.label,
      serviceCodes: w.services,
      categoryCodes: w.categories,
    })),
  );
  await replaceHours(
    tx,
    o.code,
    o.hours.map((h) => ({ ...h, breakStart: h.breakStart ?? null, breakEnd: h.breakEnd ?? null })),
  );
  await replaceExceptions(
    tx,
    o.code,
    o.exceptions.map((e) => ({
      date: e.date,
      kind: e.kind,
      opens: e.opens ?? null,
      closes: e.closes ?? null,
      note: e.note ?? null,
    })),
  );
  // An empty list on a remote office means "the services marked remote"; a main center offers them all.
  const listed = o.services === 'all' ? [] : o.services;
  const offered = all ? [] : listed.length ? listed : o.kind === 'remote' ? remoteServices : [];
  await replaceOfficeServices(tx, o.code, all, offered);
}
