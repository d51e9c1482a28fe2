import type { BoardCall } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { officeWindows } from '../network/network.service.js';
import { ticketNumber } from './queue.settings.js';
import type { boardCallsAfter } from './tickets.repository.js';

export type BoardCallRow = Awaited<ReturnType<typeof boardCallsAfter>>[number];

/** A call as the board shows it: «А-017», the window and its label; a recall is marked. */
export const toBoardCall = (row: BoardCallRow, labels: ReadonlyMap<number, string>): BoardCall => ({
  seq: row.seq as number,
  number: ticketNumber(row.letter, row.number),
  window: row.window ?? 0,
  label: (row.window !== null ? labels.get(row.window) : undefined) ?? String(row.window ?? ''),
  at: isoTimestamp(row.at),
  recall: row.kind === 'recalled',
});

/** The window labels of an office, number to label. */
export const windowLabels = async (db: Db, office: string): Promise<Map<number, string>> =>
  new Map((await officeWindows(db, office)).map((w) => [w.number, w.label]));

export async function boardCallsFrom(db: Db, office: string, rows: BoardCallRow[]): Promise<BoardCall[]> {
  const labels = rows.length ? await windowLabels(db, office) : new Map<number, string>();
  return rows.map((r) => toBoardCall(r, labels));
}
