import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { ExceptionInput, HoursInput, WindowInput } from '../../../shared/network.admin.js';
import type { Db } from '../../db/client.js';
import {
  type OfficeExceptionRow,
  type OfficeHoursRow,
  type OfficeWindowRow,
  officeExceptions,
  officeHours,
  officeServices,
  offices,
  officeWindows,
} from './network.schema.js';

/** What an office is made of besides its card: windows, weekly hours, dated exceptions, offered services. */

export const windowsOf = (db: Db, code: string): Promise<OfficeWindowRow[]> =>
  db
    .select()
    .from(officeWindows)
    .where(eq(officeWindows.officeCode, code))
    .orderBy(asc(officeWindows.number));

/** The windows of many offices in one query. */
export const windowsOfOffices = (db: Db, codes: readonly string[]): Promise<OfficeWindowRow[]> =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(officeWindows)
        .where(inArray(officeWindows.officeCode, [...codes]))
        .orderBy(asc(officeWindows.officeCode), asc(officeWindows.number));

export const hoursOf = (db: Db, codes: readonly string[]): Promise<OfficeHoursRow[]> =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(officeHours)
        .where(inArray(officeHours.officeCode, [...codes]))
        .orderBy(asc(officeHours.officeCode), asc(officeHours.weekday));

/** Exceptions of the offices, all of them or those between two dates (both included). */
export const exceptionsOf = (
  db: Db,
  codes: readonly string[],
  range?: { from: string; to: string },
): Promise<OfficeExceptionRow[]> =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(officeExceptions)
        .where(
          and(
            inArray(officeExceptions.officeCode, [...codes]),
            range ? between(officeExceptions.date, range.from, range.to) : undefined,
          ),
        )
        .orderBy(asc(officeExceptions.officeCode), asc(officeExceptions.date));

/** The services an office lists (a main center offering every service lists none). */
export async function listedServiceCodes(db: Db, code: string): Promise<string[]> {
  const found = await db
    .select({ code: officeServices.serviceCode })
    .from(officeServices)
    .where(eq(officeServices.officeCode, code));
  return found.map((r) => r.code);
}

/** The offices that list a service. */
export async function officesListing(db: Db, serviceCode: string): Promise<string[]> {
  const found = await db
    .select({ code: officeServices.officeCode })
    .from(officeServices)
    .where(eq(officeServices.serviceCode, serviceCode))
    .orderBy(asc(officeServices.officeCode));
  return found.map((r) => r.code);
}

export async function replaceWindows(tx: Db, code: string, windows: readonly WindowInput[]): Promise<void> {
  await tx.delete(officeWindows).where(eq(officeWindows.officeCode, code));
  if (windows.length === 0) return;
  await tx.insert(officeWindows).values(
    windows.map((w) => ({
      officeCode: code,
      number: w.number,
      label: w.label,
      serviceCodes: [...w.serviceCodes],
      categoryCodes: [...w.categoryCodes],
    })),
  );
}

export async function replaceHours(tx: Db, code: string, hours: readonly HoursInput[]): Promise<void> {
  await tx.delete(officeHours).where(eq(officeHours.officeCode, code));
  if (hours.length === 0) return;
  await tx.insert(officeHours).values(
    hours.map((h) => ({
      officeCode: code,
      weekday: h.weekday,
      opens: h.opens,
      closes: h.closes,
      breakStart: h.breakStart,
      breakEnd: h.breakEnd,
    })),
  );
}

const exceptionValues = (code: string, date: string, e: ExceptionInput) => ({
  officeCode: code,
  date,
  kind: e.kind,
  opens: e.kind === 'hours' ? e.opens : null,
  closes: e.kind === 'hours' ? e.closes : null,
  note: e.note,
});

export async function upsertException(tx: Db, code: string, date: string, e: ExceptionInput): Promise<void> {
  const values = exceptionValues(code, date, e);
  await tx
    .insert(officeExceptions)
    .values(values)
    .onConflictDoUpdate({
      target: [officeExceptions.officeCode, officeExceptions.date],
      set: { kind: values.kind, opens: values.opens, closes: values.closes, note: values.note },
    });
}

/** Every exception of the office replaced by the list (loading a region's files). */
export async function replaceExceptions(
  tx: Db,
  code: string,
  exceptions: readonly (ExceptionInput & { date: string })[],
): Promise<void> {
  await tx.delete(officeExceptions).where(eq(officeExceptions.officeCode, code));
  if (exceptions.length === 0) return;
  await tx.insert(officeExceptions).values(exceptions.map((e) => exceptionValues(code, e.date, e)));
}

export async function deleteException(tx: Db, code: string, date: string): Promise<void> {
  await tx
    .delete(officeExceptions)
    .where(and(eq(officeExceptions.officeCode, code), eq(officeExceptions.date, date)));
}

/** Whether the office offers every service, else the list it offers. */
export async function replaceOfficeServices(
  tx: Db,
  code: string,
  offersAll: boolean,
  services: readonly string[],
): Promise<void> {
  await tx
    .update(offices)
    .set({ offersAllServices: offersAll, updatedAt: sql`now()` })
    .where(eq(offices.code, code));
  await tx.delete(officeServices).where(eq(officeServices.officeCode, code));
  if (offersAll || services.length === 0) return;
  await tx
    .insert(officeServices)
    .values([...new Set(services)].map((serviceCode) => ({ officeCode: code, serviceCode })))
    .onConflictDoNothing();
}

/** The offices that offer every service (main centers). */
export async function officesOfferingAll(db: Db): Promise<string[]> {
  const found = await db
    .select({ code: offices.code })
    .from(offices)
    .where(eq(offices.offersAllServices, true))
    .orderBy(asc(offices.code));
  return found.map((r) => r.code);
}

/** The offices that list a service, replaced by `codes`. */
export async function replaceServiceOffices(tx: Db, serviceCode: string, codes: readonly string[]) {
  await tx.delete(officeServices).where(eq(officeServices.serviceCode, serviceCode));
  if (codes.length === 0) return;
  await tx
    .insert(officeServices)
    .values([...new Set(codes)].map((officeCode) => ({ officeCode, serviceCode })))
    .onConflictDoNothing();
}
