import { getTableName, sql } from 'drizzle-orm';
import { type AnyPgColumn, customType, date, timestamp } from 'drizzle-orm/pg-core';

/**
 * Column kinds shared by every `<domain>.schema.ts`, each with the one JavaScript form both drivers
 * return (db/type-parsers.ts): a timestamp is PostgreSQL's text form in UTC (`2026-11-29 10:00:00.123+00`,
 * turned into ISO 8601 by `isoTimestamp` where an API shows it), a date `YYYY-MM-DD`.
 */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
export const isoDate = (name: string) => date(name, { mode: 'string' });

/** The search document of a service version: written by a trigger, read only by the search SQL. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A time of day as `HH:MM` (PostgreSQL's `time` prints seconds: okno's hours never have them). */
export const timeOfDay = customType<{ data: string; driverData: string }>({
  dataType: () => 'time',
  fromDriver: (value) => value.slice(0, 5),
});

/**
 * A column as `"table"."column"`, for correlated subqueries: drizzle leaves columns unqualified in a
 * query over one table, where `"code"` inside a subquery would name the subquery's own column.
 */
export const qualified = (column: AnyPgColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
