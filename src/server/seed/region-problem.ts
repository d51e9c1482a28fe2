/**
 * A problem found in a region folder. An error stops the seed and fails `okno region check`; a warning is
 * printed by the check and stops nothing.
 */
export type RegionProblem = {
  severity: 'error' | 'warning';
  /** The file, as its path was given (`regions/lipetsk/services/family.json`). */
  file: string;
  /** Where in the file: the index of the item and the field (`3.windows.0.services.1`); '' is the whole file. */
  at?: string;
  /** The item, by its code where it has one (`office lip-center`, `staff account admin`). */
  item?: string;
  message: string;
};

/** One line: `FILE at INDEX.FIELD (ITEM): MESSAGE`, warnings prefixed with `warning:`. */
export function formatProblem(p: RegionProblem): string {
  const at = p.at === undefined ? '' : ` at ${p.at || '(root)'}`;
  const item = p.item ? ` (${p.item})` : '';
  return `${p.severity === 'warning' ? 'warning: ' : ''}${p.file}${at}${item}: ${p.message}`;
}

/** Reports a problem of one item: the item's file, index and code are filled in by whoever made it. */
export type ReportProblem = (
  field: PropertyKey[] | string,
  message: string,
  severity?: RegionProblem['severity'],
) => void;

/** An item of a region file with where it came from, so that a later check can name the file and index. */
export type Located<T> = { value: T; file: string; index: number };

/** The path inside a file: the index (absent for region.json, which holds one object) and the field. */
export function pathOf(index: number | undefined, field: PropertyKey[] | string | undefined): string {
  const fieldPath = typeof field === 'string' ? [field] : (field ?? []);
  return [...(index === undefined ? [] : [index]), ...fieldPath].map(String).join('.');
}

/** Refused region data: the message is one line per problem. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export class RegionDataError extends Error {
  readonly problems: RegionProblem[];
  constructor(problems: RegionProblem[] | string) {
    super(typeof problems === 'string' ? problems : problems.map(formatProblem).join('\n'));
    this.problems = typeof problems === 'string' ? [] : problems;
  }
}
