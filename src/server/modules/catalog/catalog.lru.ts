/**
 * A least-recently-used map bounded twice: by its number of entries and by the bytes its values take
 * (as `sizeOf` counts them). Arbitrary queries can fill it, never grow it past the caps. Pure: no I/O.
 */
export type Lru<V> = {
  get(key: string): V | undefined;
  /** Stores the value as the most recent; evicts the least recent until both caps hold. A value over the byte cap is not stored. */
  set(key: string, value: V): void;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
};

export function createLru<V>(options: {
  maxEntries: number;
  maxBytes: number;
  sizeOf: (value: V) => number;
}): Lru<V> {
  const { maxEntries, maxBytes, sizeOf } = options;
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const entries = new Map<string, { value: V; bytes: number }>();
  let bytes = 0;

  const remove = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    entries.delete(key);
    bytes -= old.bytes;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      remove(key);
      const size = sizeOf(value);
      if (size > maxBytes || maxEntries < 1) return;
      entries.set(key, { value, bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
