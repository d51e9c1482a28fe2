/**
 * What changes only by an admin's hand or slowly, kept per instance for a short while (the queue's windows
 * and settings, booking's settings and schedules). One set of caches per database handle (a test process
 * opens several databases), by kind. A transaction is a handle of its own: code inside one passes the
 * database's handle as `cacheKey`.
 */
type Cached<T> = { at: number; value: Promise<T> };
const caches = new WeakMap<object, Map<string, Map<string, Cached<unknown>>>>();
function cacheOf<T>(key: object, kind: string): Map<string, Cached<T>> {
  let byKind = caches.get(key);
  if (!byKind) {
    byKind = new Map();
    caches.set(key, byKind);
  }
  let found = byKind.get(kind);
  if (!found) {
    found = new Map();
    byKind.set(kind, found);
  }
  return found as Map<string, Cached<T>>;
}

/** What changes only by an admin's hand, kept per instance for `ttlMs` (rows, never a lazy query). */
export const kept = <T>(db: object, kind: string, key: string, ttlMs: number, load: () => PromiseLike<T>) =>
  cached(cacheOf<T>(db, kind), key, ttlMs, load);

function cached<T>(
  cache: Map<string, Cached<T>>,
  key: string,
  ttl: number,
  load: () => PromiseLike<T>,
): Promise<T> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ttl) return hit.value;
  // A drizzle query is a lazy thenable that runs again at every await — on the handle it was built on,
  // which may be a finished transaction: run it once, here, and keep the promise of its rows.
  const value = (async () => load())();
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  return value;
}

/** Forget everything kept for a database handle. */
export function forgetKept(db: object): void {
  caches.delete(db);
}

/** Forget one kind kept for a database handle (a change this instance made itself). */
export function forgetKind(db: object, kind: string): void {
  caches.get(db)?.delete(kind);
}
