import type { FastifyInstance } from 'fastify';
import type { ServicesQuery } from '../../../shared/catalog.js';
import type { LiveHub } from '../../db/live-hub.js';
import { isMutating } from '../../http/methods.js';
import { type CatalogBody, catalogBody } from './catalog.etag.js';
import { createLru } from './catalog.lru.js';
import { parseSearchWords } from './catalog.query.js';

/**
 * The per-instance cache of public catalog reads: serialized answers (with their ETags) by normalized
 * query, in a bounded LRU. It is dropped whole on any change of what the catalog shows:
 * - on every instance, by the `catalog_changed` NOTIFY that triggers on the catalog tables send at commit
 *   (migration 0005: any writer, any process), through the live-update hub;
 * - on the instance that made a change, synchronously: a staff write under /api/admin/ drops it after its
 *   transaction commits and before its answer leaves, so the writer never reads its own change stale;
 * - on the hub's resync (its LISTEN connection was lost: events may be gone).
 * While the hub does not listen (before the first subscription, while its connection is down) the cache
 * is bypassed: it never serves what it could not have heard change. A read that began before a drop is
 * never stored after it (the generation check).
 */
export const catalogChannel = 'catalog_changed';

export type CatalogCacheOptions = {
  hub: Pick<LiveHub, 'subscribe'>;
  /** Whether the hub hears NOTIFY now (its LISTEN connection is up; always on PGlite, in process). */
  listening: () => boolean;
  maxEntries?: number;
  maxBytes?: number;
  /** A failed subscription is retried after this long; meanwhile reads go to the database. */
  retryMs?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
};

export type CatalogCache = {
  /** The cached answer of `key`, else `compute`'s (concurrent misses of one key share one computation). */
  read(key: string, compute: () => Promise<string>): Promise<CatalogBody>;
  /** Drops every entry and makes reads in flight unstorable. */
  invalidate(): void;
  stats(): {
    entries: number;
    bytes: number;
    hits: number;
    misses: number;
    generation: number;
    live: boolean;
  };
  close(): void;
};

export const defaultMaxEntries = 2000;
export const defaultMaxBytes = 32 * 1024 * 1024;

export function createCatalogCache(options: CatalogCacheOptions): CatalogCache {
  const { hub, listening, retryMs = 5000, now = Date.now } = options;
  const lru = createLru<CatalogBody>({
    maxEntries: options.maxEntries ?? defaultMaxEntries,
    maxBytes: options.maxBytes ?? defaultMaxBytes,
    sizeOf: (e) => e.body.length + 2 * e.etag.length + 64,
  });
  const inflight = new Map<string, Promise<CatalogBody>>();
  let generation = 0;
  let hits = 0;
  let misses = 0;
  let state: 'idle' | 'pending' | 'live' | 'closed' = 'idle';
  let retryAt = 0;
  let unsubscribe: (() => void) | undefined;

  const invalidate = () => {
    generation++;
    lru.clear();
    inflight.clear();
  };

  const subscribe = () => {
    if (state !== 'idle' || now() < retryAt) return;
    state = 'pending';
    hub
      .subscribe(catalogChannel, { onEvent: invalidate, onResync: invalidate })
      .then((stop) => {
        if (state === 'closed') return stop();
        unsubscribe = stop;
        invalidate();
        state = 'live';
      })
      .catch((err) => {
        if (state === 'closed') return;
        state = 'idle';
        retryAt = now() + retryMs;
        options.onError?.(err);
      });
  };

  const usable = () => state === 'live' && listening();

  return {
    async read(key, compute) {
      subscribe();
      if (usable()) {
        const hit = lru.get(key) ?? inflight.get(key);
        if (hit) {
          hits++;
          return hit;
        }
      }
      misses++;
      const started = generation;
      const computing = compute().then(catalogBody);
      const shared = usable();
      if (shared) inflight.set(key, computing);
      try {
        const read = await computing;
        if (started === generation && usable()) lru.set(key, read);
        return read;
      } finally {
        if (shared && inflight.get(key) === computing) inflight.delete(key);
      }
    },
    invalidate,
    stats: () => ({ entries: lru.size, bytes: lru.bytes, hits, misses, generation, live: usable() }),
    close() {
      state = 'closed';
      unsubscribe?.();
      invalidate();
    },
  };
}

/**
 * The key of a page of services: the search depends on the query's words only (parseSearchWords), so
 * "Паспорт" and "паспорт!" share an entry.
 */
export function servicesCacheKey(query: ServicesQuery): string {
  const { category, agency, situation, office, page, limit } = query;
  return JSON.stringify([
    'services',
    parseSearchWords(query.q).join(' '),
    category,
    agency,
    situation,
    office,
    page,
    limit,
  ]);
}

declare module 'fastify' {
  interface FastifyInstance {
    catalogCache: CatalogCache;
  }
}

/** Gives the app its catalog cache and drops it after every staff write on this instance (see above). */
export function registerCatalogCache(app: FastifyInstance): void {
  const { database } = app.deps;
  const cache = createCatalogCache({
    hub: database.hub,
    // PostgreSQL: the hub holds its LISTEN connection only while it is up. PGlite: in process, always.
    listening: () => database.kind === 'pglite' || database.hub.stats().connections > 0,
    onError: (err) => app.log.warn({ err }, 'catalog cache: no live updates; reading the database'),
  });
  app.decorate('catalogCache', cache);
  app.addHook('onSend', async (request, reply) => {
    if (!isMutating(request.method) || !request.routeOptions.url?.startsWith('/api/admin/')) return;
    // A refusal (4xx) changed nothing; a 5xx may have come after a commit.
    if (reply.statusCode >= 400 && reply.statusCode < 500) return;
    cache.invalidate();
  });
  app.addHook('onClose', async () => cache.close());
}
