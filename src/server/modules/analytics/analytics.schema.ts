import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { isoDate } from '../../db/columns.js';

/**
 * The analytics module's tables (migration 0011): the rollups every dashboard reads, kept by triggers in the
 * transaction of each change, and the windows that served on each day.
 */

const counter = (name: string) => integer(name).notNull().default(0);
const seconds = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const zeros = (n: number): number[] => Array(n).fill(0);

export const analyticsRollups = pgTable(
  'analytics_rollups',
  {
    grain: text('grain').$type<'d' | 'm'>().notNull(),
    period: isoDate('period').notNull(),
    officeCode: text('office_code').notNull(),
    serviceCode: text('service_code').notNull(),
    visits: counter('visits'),
    visitsBooked: counter('visits_booked'),
    visitsPortal: counter('visits_portal'),
    served: counter('served'),
    noShow: counter('no_show'),
    waited: counter('waited'),
    waitSeconds: seconds('wait_seconds'),
    waitOver: counter('wait_over'),
    waitedBooked: counter('waited_booked'),
    waitSecondsBooked: seconds('wait_seconds_booked'),
    waitOverBooked: counter('wait_over_booked'),
    serviced: counter('serviced'),
    serviceSeconds: seconds('service_seconds'),
    windowDays: counter('window_days'),
    bookings: counter('bookings'),
    bookingsPortal: counter('bookings_portal'),
    bookingsNoShow: counter('bookings_no_show'),
    cases: counter('cases'),
    casesOnTime: counter('cases_on_time'),
    casesOverdue: counter('cases_overdue'),
    ratings: counter('ratings'),
    waitHist: integer('wait_hist').array().notNull().default(zeros(16)),
    waitHistBooked: integer('wait_hist_booked').array().notNull().default(zeros(16)),
    scoreSum: integer('score_sum').array().notNull().default(zeros(5)),
    satisfied: integer('satisfied').array().notNull().default(zeros(5)),
  },
  (t) => [primaryKey({ columns: [t.serviceCode, t.grain, t.period, t.officeCode] })],
);

export const analyticsWindowDays = pgTable(
  'analytics_window_days',
  {
    officeCode: text('office_code').notNull(),
    day: isoDate('day').notNull(),
    windowNumber: integer('window_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.day, t.windowNumber] })],
);
