import { describeOnBackends } from '../../../tests/support/app.js';
import { rows, sql } from './client.js';
import { afterCursor, type Cursor, decodeCursor, encodeCursor, pageOf } from './keyset.js';

describe('keyset cursors', () => {
  it('round-trips a cursor and refuses anything okno did not make', () => {
    const cursor: Cursor = { key: '2026-11-29T10:00:00.000Z', id: '42' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ key: 7, id: 'a' }))).toEqual({ key: 7, id: 'a' });
    for (const bad of ['', 'not base64!', Buffer.from('{"a":1}').toString('base64url'), 'x'.repeat(600)]) {
      expect(decodeCursor(bad)).toBeUndefined();
    }
    expect(decodeCursor(Buffer.from('[1e999,"x"]').toString('base64url'))).toBeUndefined();
  });
});

describeOnBackends('keyset pages', (ctx) => {
  it('walks a list page by page with ties on the key: every row once, in order', async () => {
    type Row = { key: number; id: string };
    const all = await rows<Row>(
      ctx().database.db,
      sql`select (g % 7) as key, lpad(g::text, 4, '0') as id from generate_series(1, 53) g order by 1, 2`,
    );
    const seen: Row[] = [];
    let cursor: Cursor | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const found = await rows<Row>(
        ctx().database.db,
        sql`select * from (select (g % 7) as key, lpad(g::text, 4, '0') as id from generate_series(1, 53) g) t
          where ${afterCursor(sql`t.key`, sql`t.id`, cursor, 'asc')} order by t.key, t.id limit ${10 + 1}`,
      );
      const page = pageOf(found, 10, (r) => ({ key: Number(r.key), id: r.id }));
      seen.push(...page.items);
      if (!page.next) break;
      cursor = decodeCursor(page.next);
    }
    expect(seen.map((r) => [Number(r.key), r.id])).toEqual(all.map((r) => [Number(r.key), r.id]));
  });
});
