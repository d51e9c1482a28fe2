/**
 * One order of Russian names everywhere — server lists, the portal, the console: case does not matter,
 * ё sorts with е, numbers in names sort by value («Окно 2» before «Окно 10»).
 */
export const russianCollator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

export const compareNames = (a: string, b: string) => russianCollator.compare(a, b);

/** Sorts a copy of the list by one or more keys, each compared as names (strings) or numbers. */
export function sortedBy<T>(items: readonly T[], ...keys: ((item: T) => string | number)[]): T[] {
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : compareNames(String(x), String(y));
      if (order !== 0) return order;
    }
    return 0;
  });
}
