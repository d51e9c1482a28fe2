import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.js';

/**
 * Seats taken per cell of an office's grid (booking_seats). Taking is one statement: a conditional increment
 * per (cell, scope) — the row lock orders racing bookings and `used < capacity` is evaluated on the latest
 * row, so the database, not a check-then-insert, decides who gets the last seat.
 */

export type SeatClaim = { cell: number; scope: string; capacity: number };

/**
 * Takes one seat in each (cell, scope), in a fixed order (cells ascending, the office's scope first) so that
 * racing bookings lock rows in the same order. True when every seat was taken; false when any was full —
 * the caller then rolls back its transaction (the seats it did take go with it).
 */
export async function takeSeats(tx: Db, officeCode: string, claims: readonly SeatClaim[]): Promise<boolean> {
  if (claims.some((c) => c.capacity < 1)) return false;
  const ordered = [...claims].sort(
    (a, b) =>
      a.cell - b.cell || (a.scope === '*' ? -1 : b.scope === '*' ? 1 : a.scope.localeCompare(b.scope)),
  );
  const values = sql.join(
    ordered.map(
      (c) =>
        sql`(${officeCode}, ${new Date(c.cell).toISOString()}::timestamptz, ${c.scope}, 1, ${c.capacity})`,
    ),
    sql`, `,
  );
  const taken = await rows<{ scope: string }>(
    tx,
    sql`insert into booking_seats (office_code, cell_start, scope, used, capacity) values ${values}
      on conflict (office_code, cell_start, scope) do update
        set used = booking_seats.used + 1, capacity = excluded.capacity
        where booking_seats.used < excluded.capacity
      returning scope`,
  );
  return taken.length === ordered.length;
}

/** Gives back the seats a booking held: one in each of its cells, in the office's scope and its service's. */
export async function releaseSeats(
  tx: Db,
  booking: { officeCode: string; serviceCode: string; cells: readonly number[] },
): Promise<void> {
  const { officeCode, cells } = booking;
  const scopes = ['*', booking.serviceCode];
  if (cells.length === 0) return;
  const at = sql.join(
    [...cells].sort((a, b) => a - b).map((c) => sql`${new Date(c).toISOString()}::timestamptz`),
    sql`, `,
  );
  const of = sql.join(
    scopes.map((s) => sql`${s}`),
    sql`, `,
  );
  await tx.execute(
    sql`update booking_seats set used = used - 1
      where office_code = ${officeCode} and cell_start in (${at}) and scope in (${of}) and used > 0`,
  );
}

export type TakenRow = { officeCode: string; cell: number; scope: string; used: number };

/** The seats taken at offices between two instants, in the office's scope and a service's. */
export async function takenBetween(
  db: Db,
  p: { officeCodes: readonly string[]; service: string; from: number; to: number },
): Promise<TakenRow[]> {
  if (p.officeCodes.length === 0) return [];
  const offices = sql.join(
    p.officeCodes.map((c) => sql`${c}`),
    sql`, `,
  );
  // the cell as epoch milliseconds (a float8 the drivers give as a number): a month of an office is thousands
  // of rows, and reading each timestamptz's text form twice (to ISO, then to ms) was most of a month's cost
  const found = await rows<{ office_code: string; cell: number; scope: string; used: number }>(
    db,
    sql`select office_code, (extract(epoch from cell_start) * 1000)::float8 as cell, scope, used from booking_seats
      where office_code in (${offices}) and scope in ('*', ${p.service})
        and cell_start >= ${new Date(p.from).toISOString()}::timestamptz
        and cell_start < ${new Date(p.to).toISOString()}::timestamptz and used > 0`,
  );
  return found.map((r) => ({
    officeCode: r.office_code,
    cell: Number(r.cell),
    scope: r.scope,
    used: Number(r.used),
  }));
}
