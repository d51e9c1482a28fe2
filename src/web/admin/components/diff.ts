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

/**
 * How values read in the user's language: a field's label, a weekday's name, a value of a known field
 * (`status: open` → «работает»), yes / no, a break. Without it, names and values show as recorded.
 */
export type ValueWords = {
  field: (name: string) => string;
  weekday: (n: number) => string;
  value: (field: string, value: string) => string;
  yesNo: (value: boolean) => string;
  break: (from: string, to: string) => string;
};

const plain: ValueWords = {
  field: (name) => name,
  weekday: (n) => `weekday: ${n}`,
  value: (_, value) => value,
  yesNo: (value) => String(value),
  break: (from, to) => `break: ${from}–${to}`,
};

function scalar(field: string, x: unknown, words: ValueWords): string {
  if (typeof x === 'string') return words.value(field, x);
  if (typeof x === 'boolean') return words.yesNo(x);
  if (typeof x === 'number') return String(x);
  if (Array.isArray(x)) return x.map((item) => scalar(field, item, words)).join(', ');
  if (isRecord(x)) return `(${pairs(x, words)})`;
  return JSON.stringify(x);
}

/**
 * An object as `field: value` pairs, nulls left out; a row of hours reads as its weekday and times:
 * `понедельник, 09:00–18:00, перерыв 13:00–14:00`.
 */
function pairs(v: Record<string, unknown>, words: ValueWords): string {
  const parts: string[] = [];
  const rest = { ...v };
  if (words !== plain) {
    if (typeof rest.weekday === 'number') {
      parts.push(words.weekday(rest.weekday));
      delete rest.weekday;
    }
    if (typeof rest.opens === 'string' && typeof rest.closes === 'string') {
      parts.push(`${rest.opens}–${rest.closes}`);
      delete rest.opens;
      delete rest.closes;
    }
    if (typeof rest.breakStart === 'string' && typeof rest.breakEnd === 'string') {
      parts.push(words.break(rest.breakStart, rest.breakEnd));
      delete rest.breakStart;
      delete rest.breakEnd;
    }
  }
  for (const [k, x] of Object.entries(rest)) {
    if (x === null || x === undefined) continue;
    parts.push(
      words === plain
        ? `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`
        : `${words.field(k)}: ${scalar(k, x, words)}`,
    );
  }
  return parts.join(', ');
}

/**
 * A short readable form of a value of `field`: text as is (a known value in words), an object as
 * `field: value` pairs, a list as its items separated by « · » (one per hours row, document…); cut at
 * 300 characters.
 */
export function showValue(value: unknown, words: ValueWords = plain, field = ''): string {
  if (value === undefined || value === null) return '—';
  const text =
    typeof value === 'string'
      ? words.value(field, value)
      : typeof value === 'boolean'
        ? words.yesNo(value)
        : Array.isArray(value)
          ? value.length === 0
            ? '—'
            : value
                .map((item) =>
                  isRecord(item)
                    ? pairs(item, words)
                    : typeof item === 'string'
                      ? words.value(field, item)
                      : JSON.stringify(item),
                )
                .join(' · ')
          : isRecord(value)
            ? pairs(value, words)
            : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
