/**
 * One Russian order in the staff console (admin/, staff/): every client-side sort goes through `sortedBy` /
 * `compareNames` (src/shared/collation.ts). A bare `.sort()`, `localeCompare` or a collator of its own
 * would order «Ёлецкий» or «Окно 10» differently from the server's lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('sorting in the staff console', () => {
  it('uses the shared Russian collation for every sort', () => {
    const offenders = [...sources('src/web/admin'), ...sources('src/web/staff')].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /\.(sort|toSorted)\(|localeCompare\(|Intl\.Collator\(/.test(line))
        .filter(({ line }) => !/compareNames/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
