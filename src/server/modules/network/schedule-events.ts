import type { Db } from '../../db/client.js';

/**
 * A change of when offices work — hours, a dated exception, windows, the services offered, closing an office,
 * the production calendar — told to the modules that planned on the old schedule (booking cancels the visits
 * it removes), inside the change's own transaction: the change and its consequences commit together.
 * Listeners are kept per database handle (one app per database; a test process opens several).
 */
export type ScheduleChange = {
  /** The offices whose schedule changed; 'all' for the calendar. */
  offices: readonly string[] | 'all';
  /** Only these dates changed; absent: any date may have. */
  dates?: readonly string[];
};
export type ScheduleListener = (tx: Db, change: ScheduleChange) => Promise<void>;

const listeners = new WeakMap<object, ScheduleListener[]>();

/** Registers a listener for changes made through `db`; returns its removal. */
export function onScheduleChange(db: Db, listener: ScheduleListener): () => void {
  listeners.set(db, [...(listeners.get(db) ?? []), listener]);
  return () =>
    listeners.set(
      db,
      (listeners.get(db) ?? []).filter((l) => l !== listener),
    );
}

/** Tells the listeners of `db` about a change, in its transaction `tx`. */
export async function scheduleChanged(db: Db, tx: Db, change: ScheduleChange): Promise<void> {
  for (const listener of listeners.get(db) ?? []) await listener(tx, change);
}
