import { boolean, doublePrecision, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { isoDate, timeOfDay, timestamptz } from '../../db/columns.js';

/**
 * The network's tables: the region, its districts, offices with windows, weekly hours and dated
 * exceptions, the services each office offers, the production calendar. The SQL migrations create them;
 * these declarations type the queries, and `schema-drift.integration.test.ts` keeps the two equal.
 */

export const region = pgTable('region', {
  id: boolean('id').primaryKey().default(true),
  code: text('code').notNull(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
});

export const districts = pgTable('districts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['city', 'rural'] }).notNull(),
  population: integer('population').notNull(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const offices = pgTable('offices', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['main', 'remote', 'kiosk'] }).notNull(),
  districtCode: text('district_code')
    .notNull()
    .references(() => districts.code),
  address: text('address').notNull(),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  phone: text('phone'),
  email: text('email'),
  timeZone: text('time_zone'),
  offersAllServices: boolean('offers_all_services').notNull().default(false),
  status: text('status', { enum: ['open', 'closed'] })
    .notNull()
    .default('open'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const officeWindows = pgTable(
  'office_windows',
  {
    officeCode: text('office_code').notNull(),
    number: integer('number').notNull(),
    label: text('label').notNull(),
    serviceCodes: text('service_codes').array().notNull().default([]),
    categoryCodes: text('category_codes').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.number] })],
);

/** Weekly hours; weekday 1 = Monday … 7 = Sunday. No row: closed that weekday. */
export const officeHours = pgTable(
  'office_hours',
  {
    officeCode: text('office_code').notNull(),
    weekday: smallint('weekday').notNull(),
    opens: timeOfDay('opens').notNull(),
    closes: timeOfDay('closes').notNull(),
    breakStart: timeOfDay('break_start'),
    breakEnd: timeOfDay('break_end'),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.weekday] })],
);

export const officeExceptions = pgTable(
  'office_exceptions',
  {
    officeCode: text('office_code').notNull(),
    date: isoDate('date').notNull(),
    kind: text('kind', { enum: ['closed', 'hours'] }).notNull(),
    opens: timeOfDay('opens'),
    closes: timeOfDay('closes'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.date] })],
);

/** Which offices offer which services (main centers offer all: `offices.offers_all_services`). */
export const officeServices = pgTable(
  'office_services',
  {
    officeCode: text('office_code').notNull(),
    serviceCode: text('service_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.serviceCode] })],
);

/** Only the days that differ from "Monday to Friday working, weekends off". */
export const calendarDays = pgTable('calendar_days', {
  date: isoDate('date').primaryKey(),
  kind: text('kind', { enum: ['working', 'dayoff', 'short'] }).notNull(),
  note: text('note'),
});

export type DistrictRow = typeof districts.$inferSelect;
export type OfficeRow = typeof offices.$inferSelect;
export type OfficeWindowRow = typeof officeWindows.$inferSelect;
export type OfficeHoursRow = typeof officeHours.$inferSelect;
export type OfficeExceptionRow = typeof officeExceptions.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
