import type { BoardState } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { officesNow } from '../network/network.service.js';
import { boardCallsFrom } from './board.mappers.js';
import { latestBoardCalls, waitingCounts } from './tickets.repository.js';
import { officeQueueRow } from './windows.repository.js';

/** Calls a board shows when it opens (the newest first). */
export const boardCallsShown = 8;

/**
 * What a board shows when it opens, and the sequence number its stream continues from. `lastSeq` is the
 * newest call of the list itself (read in the same query): a stream from there neither repeats one of the
 * listed calls nor skips a call committed between two reads.
 */
export async function boardState(db: Db, office: string, now: Date): Promise<BoardState> {
  const [found] = await officesNow(db, now, [office]);
  if (!found) throw notFound(`office ${office}`);
  const [queue, waiting, rows] = await Promise.all([
    officeQueueRow(db, office),
    waitingCounts(db, [office]),
    latestBoardCalls(db, office, boardCallsShown),
  ]);
  const calls = await boardCallsFrom(db, office, rows);
  return {
    office: { code: found.code, name: found.name, timeZone: found.timeZone },
    message: queue?.message ?? null,
    waiting: waiting.get(office) ?? 0,
    calls,
    lastSeq: calls[0]?.seq ?? 0,
  };
}
