import type { Subscriber } from '../../db/live-hub.js';
import {
  type CatalogCacheOptions,
  catalogChannel,
  createCatalogCache,
  servicesCacheKey,
} from './catalog.cache.js';

/** A hub in memory: it records the subscriber, and a test decides when subscribing succeeds. */
function fakeHub() {
  const hub = {
    subscriber: undefined as Subscriber | undefined,
    channel: '',
    fail: false,
    listening: true,
    unsubscribed: 0,
    subscribe: async (channel: string, subscriber: Subscriber) => {
      if (hub.fail) throw new Error('no connection');
      hub.channel = channel;
      hub.subscriber = subscriber;
      return () => {
        hub.unsubscribed++;
      };
    },
  };
  return hub;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function liveCache(options: Partial<CatalogCacheOptions> = {}) {
  const hub = fakeHub();
  const cache = createCatalogCache({ hub, listening: () => hub.listening, ...options });
  await cache.read('warm', async () => 'x');
  await settle();
  return { hub, cache };
}

describe('the catalog cache', () => {
  it('reads the database until the hub listens, then serves repeated reads from memory', async () => {
    const hub = fakeHub();
    const cache = createCatalogCache({ hub, listening: () => hub.listening });
    let loads = 0;
    const load = async () => `{"n":${++loads}}`;
    expect((await cache.read('k', load)).body.toString()).toBe('{"n":1}');
    await settle();
    expect(hub.channel).toBe(catalogChannel);
    expect((await cache.read('k', load)).body.toString()).toBe('{"n":2}');
    expect((await cache.read('k', load)).body.toString()).toBe('{"n":2}');
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, live: true });
  });

  it('drops everything on a catalog_changed event and on a resync', async () => {
    const { hub, cache } = await liveCache();
    let loads = 0;
    const load = async () => `${++loads}`;
    await cache.read('k', load);
    hub.subscriber?.onEvent('service_versions');
    expect(cache.stats().entries).toBe(0);
    expect((await cache.read('k', load)).body.toString()).toBe('2');
    hub.subscriber?.onResync?.();
    expect(cache.stats().entries).toBe(0);
    expect((await cache.read('k', load)).body.toString()).toBe('3');
  });

  it('never stores a read that began before a drop', async () => {
    const { cache } = await liveCache();
    let release: (v: string) => void = () => {};
    const slow = cache.read('k', () => new Promise<string>((r) => (release = r)));
    cache.invalidate();
    release('old');
    expect((await slow).body.toString()).toBe('old');
    expect((await cache.read('k', async () => 'new')).body.toString()).toBe('new');
  });

  it('bypasses the cache while the hub does not listen (its connection is down)', async () => {
    const { hub, cache } = await liveCache();
    await cache.read('k', async () => 'before');
    hub.listening = false;
    expect((await cache.read('k', async () => 'while down')).body.toString()).toBe('while down');
    expect(cache.stats().live).toBe(false);
  });

  it('shares one computation among concurrent misses of a key', async () => {
    const { cache } = await liveCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await settle();
      return 'v';
    };
    await Promise.all(Array.from({ length: 10 }, () => cache.read('k', load)));
    expect(loads).toBe(1);
  });

  it('does not cache a failed read', async () => {
    const { cache } = await liveCache();
    await expect(cache.read('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect((await cache.read('k', async () => 'ok')).body.toString()).toBe('ok');
  });

  it('keeps working without caching when subscribing fails, and retries later', async () => {
    const hub = fakeHub();
    hub.fail = true;
    let t = 0;
    const errors: unknown[] = [];
    const cache = createCatalogCache({
      hub,
      listening: () => true,
      now: () => t,
      retryMs: 1000,
      onError: (e) => errors.push(e),
    });
    expect((await cache.read('k', async () => 'a')).body.toString()).toBe('a');
    await settle();
    expect(errors).toHaveLength(1);
    hub.fail = false;
    await cache.read('k', async () => 'b');
    await settle();
    expect(hub.subscriber).toBeUndefined();
    t = 1000;
    await cache.read('k', async () => 'c');
    await settle();
    expect(hub.subscriber).toBeDefined();
    expect(cache.stats().live).toBe(true);
  });

  it('holds its size cap whatever the queries', async () => {
    const { cache } = await liveCache({ maxEntries: 50 });
    for (let i = 0; i < 500; i++) await cache.read(`q${i}`, async () => `{"i":${i}}`);
    expect(cache.stats().entries).toBe(50);
  });

  it('unsubscribes on close', async () => {
    const { hub, cache } = await liveCache();
    cache.close();
    expect(hub.unsubscribed).toBe(1);
  });
});

describe('the key of a page of services', () => {
  const base = { page: 1, limit: 20 };
  it('is the same for queries with the same words', () => {
    expect(servicesCacheKey({ ...base, q: 'Загранпаспорт, ёлка!' })).toBe(
      servicesCacheKey({ ...base, q: 'загранпаспорт елка' }),
    );
    expect(servicesCacheKey({ ...base })).toBe(servicesCacheKey({ ...base, q: '' }));
  });

  it('differs by words, filters and page', () => {
    const keys = [
      servicesCacheKey({ ...base, q: 'паспорт' }),
      servicesCacheKey({ ...base, q: 'паспорт снилс' }),
      servicesCacheKey({ ...base, q: 'паспорт', agency: 'mvd' }),
      servicesCacheKey({ ...base, q: 'паспорт', category: 'mvd' }),
      servicesCacheKey({ ...base, q: 'паспорт', office: 'mvd' }),
      servicesCacheKey({ ...base, q: 'паспорт', situation: 'mvd' }),
      servicesCacheKey({ ...base, q: 'паспорт', page: 2 }),
      servicesCacheKey({ ...base, q: 'паспорт', limit: 21 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
