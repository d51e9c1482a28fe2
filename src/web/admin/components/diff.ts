/** The changed top-level fields between two recorded values (objects, or anything else as one "value"). Pure. */
export type FieldChange = { name: string; before: unknown; after: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return same(before, after) ? [] : [{ name: '—', before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return names
    .filter((name) => !same(b[name], a[name]))
    .map((name) => ({ name, before: b[name], after: a[name] }));
}

/** An object as `key: value` pairs, nulls left out: `weekday: 1, opens: 09:00, closes: 18:00`. */
const pairs = (v: Record<string, unknown>) =>
  Object.entries(v)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
    .join(', ');

/**
 * A short readable form of a value: text as is, an object as `key: value` pairs, a list as its items
 * separated by « · » (one per hours row, document…); cut at 300 characters.
 */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.length === 0
          ? '—'
          : value
              .map((item) =>
                isRecord(item) ? pairs(item) : typeof item === 'string' ? item : JSON.stringify(item),
              )
              .join(' · ')
        : isRecord(value)
          ? pairs(value)
          : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
