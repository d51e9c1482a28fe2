import { sortedBy } from '../../../shared/collation.js';
import type {
  AdminOffice,
  ExceptionInput,
  HoursInput,
  OfficeInput,
  OfficeServicesInput,
  WindowInput,
} from '../../../shared/network.admin.js';
import { defaultHoursRules, weeklyHoursWarnings } from '../../../shared/office-hours.js';
import type { Db } from '../../db/client.js';
import { requireKnownCode, requireKnownCodes } from '../../db/references.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { AppError, notFound } from '../../errors.js';
import { serviceTitles } from '../catalog/catalog.service.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import { type ActorScope, actorScopeCovers } from '../staff/auth.policy.js';
import {
  officeKindRank,
  toAdminOfficeSummaryDto,
  toException,
  toWeeklyHours,
  toWindow,
} from './network.mappers.js';
import * as schedule from './office-schedule.repository.js';
import * as repo from './offices.repository.js';
import { scheduleChanged } from './schedule-events.js';

type Deps = { db: Db };
type WriteDeps = Deps & { author: ChangeAuthor };

export async function listOffices(
  { db }: Deps,
  filter: { district?: string; kind?: string; status?: string },
  scope: ActorScope,
) {
  const found = await repo.listOffices(db, { ...filter, scope });
  return sortedBy(
    found,
    (o) => o.districtName,
    (o) => officeKindRank[o.kind],
    (o) => o.name,
  ).map(toAdminOfficeSummaryDto);
}

async function loadOffice(db: Db, code: string): Promise<AdminOffice> {
  const r = await repo.findOffice(db, code);
  if (!r) throw notFound(`office ${code}`);
  const windows = (await schedule.windowsOf(db, code)).map(toWindow);
  const hours = (await schedule.hoursOf(db, [code])).map(toWeeklyHours);
  const exceptions = (await schedule.exceptionsOf(db, [code])).map(toException);
  const services = r.offersAllServices
    ? []
    : await serviceTitles(db, await schedule.listedServiceCodes(db, code));
  const population = r.districtPopulation;
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    district: { code: r.districtCode, name: r.districtName, population },
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    phone: r.phone,
    email: r.email,
    timeZone: r.timeZone,
    status: r.status,
    offersAll: r.offersAllServices,
    windows,
    hours,
    exceptions,
    services,
    // A kiosk has no staff and no opening hours of its own to hold to the minimum.
    warnings: r.kind === 'kiosk' ? [] : hoursWarnings(hours, population),
    updatedAt: isoTimestamp(r.updatedAt),
  };
}

const warningText = {
  'too-few-days': (small: boolean) =>
    `open fewer than ${small ? defaultHoursRules.small.days : defaultHoursRules.large.days} days a week`,
  'short-working-day': (small: boolean) =>
    `a working day shorter than ${small ? defaultHoursRules.small.hoursPerDay : defaultHoursRules.large.hoursPerWorkingDay} hours (break excluded)`,
  'no-evening': () => `no evening a week open until ${defaultHoursRules.large.eveningUntil}`,
} as const;

/** The legal minimum of weekly hours for the district's population (DOMAIN.md), with a message for each breach. */
function hoursWarnings(weekly: AdminOffice['hours'], population: number): AdminOffice['warnings'] {
  const small = population <= defaultHoursRules.smallPopulation;
  return weeklyHoursWarnings({ weekly, population }).map((code) => ({
    code,
    message: `${warningText[code](small)} (district population ${population})`,
  }));
}

export const getOffice = ({ db }: Deps, code: string) => loadOffice(db, code);

const cardOf = (o: AdminOffice) => ({
  name: o.name,
  kind: o.kind,
  district: o.district.code,
  address: o.address,
  lat: o.lat,
  lon: o.lon,
  phone: o.phone,
  email: o.email,
  timeZone: o.timeZone,
  status: o.status,
});

/** Runs a change of one office in a transaction, with the office row locked; 404 for an unknown code. */
async function changeOffice<T>(db: Db, code: string, change: (tx: Db, before: AdminOffice) => Promise<T>) {
  return db.transaction(async (tx) => {
    if (!(await repo.findOffice(tx, code, true))) throw notFound(`office ${code}`);
    return change(tx, await loadOffice(tx, code));
  });
}

export async function createOffice({ db, author }: WriteDeps, input: OfficeInput): Promise<AdminOffice> {
  return db.transaction(async (tx) => {
    await requireKnownCode(tx, 'districts', 'district', input.district);
    if (!(await repo.insertOffice(tx, input)))
      throw new AppError('CONFLICT', `office ${input.code} already exists`);
    const after = await loadOffice(tx, input.code);
    await recordChange(tx, {
      author,
      entity: 'office',
      key: input.code,
      action: 'create',
      before: null,
      after: cardOf(after),
    });
    return after;
  });
}

/** Edits an office's card; moving it to another district needs a scope that covers that district too. */
export async function editOffice(
  { db, author }: WriteDeps,
  input: OfficeInput,
  scope: ActorScope,
): Promise<AdminOffice> {
  return changeOffice(db, input.code, async (tx, before) => {
    await requireKnownCode(tx, 'districts', 'district', input.district);
    if (input.district !== before.district.code && !actorScopeCovers(scope, undefined, input.district)) {
      throw new AppError('FORBIDDEN', `district ${input.district} lies beyond your scope`);
    }
    await repo.updateOffice(tx, input);
    const after = await loadOffice(tx, input.code);
    await recordChange(tx, {
      author,
      entity: 'office',
      key: input.code,
      action: 'update',
      before: cardOf(before),
      after: cardOf(after),
    });
    return after;
  });
}

export async function setOfficeStatus({ db, author }: WriteDeps, code: string, status: 'open' | 'closed') {
  return changeOffice(db, code, async (tx, before) => {
    await repo.setOfficeStatus(tx, code, status);
    await scheduleChanged(db, tx, { offices: [code] });
    const action = status === 'closed' ? 'close' : 'reopen';
    await recordChange(tx, {
      author,
      entity: 'office',
      key: code,
      action,
      before: { status: before.status },
      after: { status },
    });
    return loadOffice(tx, code);
  });
}

export async function setWindows({ db, author }: WriteDeps, code: string, windows: WindowInput[]) {
  return changeOffice(db, code, async (tx, before) => {
    for (const [i, w] of windows.entries()) {
      await requireKnownCodes(tx, 'services', `windows.${i}.serviceCodes`, w.serviceCodes);
      await requireKnownCodes(tx, 'categories', `windows.${i}.categoryCodes`, w.categoryCodes);
    }
    await schedule.replaceWindows(tx, code, windows);
    await scheduleChanged(db, tx, { offices: [code] });
    await repo.touchOffice(tx, code);
    const after = await loadOffice(tx, code);
    await recordChange(tx, {
      author,
      entity: 'office',
      key: code,
      action: 'windows',
      before: before.windows,
      after: after.windows,
    });
    return after;
  });
}

export async function setHours({ db, author }: WriteDeps, code: string, hours: HoursInput[]) {
  return changeOffice(db, code, async (tx, before) => {
    await schedule.replaceHours(tx, code, hours);
    await scheduleChanged(db, tx, { offices: [code] });
    await repo.touchOffice(tx, code);
    const after = await loadOffice(tx, code);
    await recordChange(tx, {
      author,
      entity: 'office',
      key: code,
      action: 'hours',
      before: before.hours,
      after: after.hours,
    });
    return after;
  });
}

export async function setException(
  { db, author }: WriteDeps,
  code: string,
  date: string,
  input: ExceptionInput,
) {
  return changeOffice(db, code, async (tx, before) => {
    await schedule.upsertException(tx, code, date, input);
    await scheduleChanged(db, tx, { offices: [code], dates: [date] });
    await repo.touchOffice(tx, code);
    const after = await loadOffice(tx, code);
    await recordChange(tx, {
      author,
      entity: 'office',
      key: code,
      action: 'exception',
      before: before.exceptions.find((e) => e.date === date) ?? null,
      after: after.exceptions.find((e) => e.date === date) ?? null,
    });
    return after;
  });
}

export async function removeException({ db, author }: WriteDeps, code: string, date: string) {
  return changeOffice(db, code, async (tx, before) => {
    const existing = before.exceptions.find((e) => e.date === date);
    if (!existing) throw notFound(`exception of office ${code} on ${date}`);
    await schedule.deleteException(tx, code, date);
    await scheduleChanged(db, tx, { offices: [code], dates: [date] });
    await repo.touchOffice(tx, code);
    await recordChange(tx, {
      author,
      entity: 'office',
      key: code,
      action: 'exception-delete',
      before: existing,
      after: null,
    });
    return loadOffice(tx, code);
  });
}

export async function setOfficeServices({ db, author }: WriteDeps, code: string, input: OfficeServicesInput) {
  return changeOffice(db, code, async (tx, before) => {
    const services = input.offersAll ? [] : [...new Set(input.services)];
    await requireKnownCodes(tx, 'services', 'services', input.services);
    await schedule.replaceOfficeServices(tx, code, input.offersAll, services);
    await scheduleChanged(db, tx, { offices: [code] });
    const after = await loadOffice(tx, code);
    const offered = (o: AdminOffice) => ({ offersAll: o.offersAll, services: o.services.map((s) => s.code) });
    await recordChange(tx, {
      author,
      entity: 'office',
      key: code,
      action: 'services',
      before: offered(before),
      after: offered(after),
    });
    return after;
  });
}
