import type { Db } from '../../db/client.js';
import type { SecurityEntry } from './security-log.js';
import { recordSecurityEventAlone } from './security-log.js';

/**
 * Refused requests go to the security log, aggregated: the first refusal of a kind from one address (and
 * user, on one route) in a window is written at once; the ones after it are counted and written as one
 * entry with `repeated: N` when the window ends. A flood of forged cookies or guessed passwords costs the
 * log one entry per kind and minute instead of one per request. Each instance aggregates its own.
 */
export type RefusalLog = {
  record(entry: SecurityEntry & { details: { reason: string; route?: string } }): Promise<void>;
  /** Writes the counts of the window now (the timer does it every window; tests and shutdown call it). */
  flush(): Promise<void>;
  close(): Promise<void>;
};

type Pending = { entry: SecurityEntry; repeated: number };

export function createRefusalLog(
  db: Db,
  options: { windowMs?: number; maxKeys?: number; onError?: (err: unknown) => void } = {},
): RefusalLog {
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 1000;
  let pending = new Map<string, Pending>();
  // Past maxKeys distinct kinds in one window (addresses rotated on purpose), everything else is one count.
  let overflow = 0;
  const write = (entry: SecurityEntry) => recordSecurityEventAlone(db, entry).catch(options.onError);

  const flush = async () => {
    const window = pending;
    const dropped = overflow;
    pending = new Map();
    overflow = 0;
    for (const { entry, repeated } of window.values()) {
      if (repeated > 0) {
        await write({ ...entry, details: { ...entry.details, repeated, windowSeconds: windowMs / 1000 } });
      }
    }
    if (dropped > 0) {
      await write({
        event: 'access_denied',
        result: 'refused',
        details: { reason: 'flood', repeated: dropped, windowSeconds: windowMs / 1000 },
      });
    }
  };
  const timer = setInterval(() => void flush(), windowMs);
  timer.unref();

  return {
    async record(entry) {
      const { office, district } = entry.details as { office?: unknown; district?: unknown };
      const key = [
        entry.event,
        entry.details.reason,
        entry.details.route,
        office,
        district,
        entry.ip,
        entry.userId,
      ].join('|');
      const seen = pending.get(key);
      if (seen) {
        seen.repeated++;
        return;
      }
      if (pending.size >= maxKeys) {
        overflow++;
        return;
      }
      pending.set(key, { entry, repeated: 0 });
      await write(entry);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
