import { createLru } from './catalog.lru.js';

const lruOf = (maxEntries: number, maxBytes = 1_000_000) =>
  createLru<string>({ maxEntries, maxBytes, sizeOf: (v) => v.length });

describe('a bounded LRU', () => {
  it('never holds more entries than its cap, evicting the least recently used', () => {
    const lru = lruOf(3);
    for (const k of ['a', 'b', 'c']) lru.set(k, k);
    expect(lru.get('a')).toBe('a');
    lru.set('d', 'd');
    expect(lru.size).toBe(3);
    expect(lru.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => lru.get(k))).toEqual(['a', 'c', 'd']);
  });

  it('keeps its bytes under the byte cap whatever the number of keys', () => {
    const lru = lruOf(1000, 100);
    for (let i = 0; i < 10_000; i++) lru.set(`q${i}`, 'x'.repeat(30));
    expect(lru.bytes).toBeLessThanOrEqual(100);
    expect(lru.size).toBe(3);
    expect(lru.get('q9999')).toBeDefined();
  });

  it('does not store a value larger than the byte cap, and replacing a key counts it once', () => {
    const lru = lruOf(10, 10);
    lru.set('big', 'x'.repeat(11));
    expect(lru.get('big')).toBeUndefined();
    lru.set('k', 'xxxx');
    lru.set('k', 'xxxxx');
    expect({ size: lru.size, bytes: lru.bytes }).toEqual({ size: 1, bytes: 5 });
  });

  it('empties on clear', () => {
    const lru = lruOf(10);
    lru.set('a', 'aaa');
    lru.clear();
    expect({ size: lru.size, bytes: lru.bytes, a: lru.get('a') }).toEqual({
      size: 0,
      bytes: 0,
      a: undefined,
    });
  });
});
