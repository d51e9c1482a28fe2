import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describeOnBackends } from '../../../tests/support/app.js';
import { rows, sql } from './client.js';
import { schemaByDomain } from './schema.js';

type Column = { table: string; column: string; type: string; nullable: boolean };

/** drizzle's SQL type in the spelling of PostgreSQL's format_type(). */
const canonicalType = (type: string) =>
  type
    .replace(/^bigserial$/, 'bigint')
    .replace(/^serial$/, 'integer')
    .replace(/^time$/, 'time without time zone')
    .replace(/^timestamp$/, 'timestamp without time zone')
    .replace(/, /g, ',');

function declaredColumns(): Column[] {
  const tables = Object.values(schemaByDomain).flatMap((domain) =>
    Object.values(domain).filter((value): value is PgTable => is(value, PgTable)),
  );
  return tables.flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns.map((c) => ({
      table: config.name,
      column: c.name,
      type: canonicalType(c.getSQLType()),
      nullable: !c.notNull,
    }));
  });
}

const byName = (a: Column, b: Column) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`);

async function migratedColumns(db: Parameters<typeof rows>[0]): Promise<Column[]> {
  const found = await rows<Column>(
    db,
    sql`select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
          not a.attnotnull as nullable
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
          and c.relname <> 'schema_migrations'`,
  );
  return found.sort(byName);
}

describeOnBackends('the declared tables and the migrated database', (ctx) => {
  it('agree on every table, column, type and nullability', async () => {
    const declared = declaredColumns().sort(byName);
    expect(declared.length).toBeGreaterThan(100);
    expect(declared).toEqual(await migratedColumns(ctx().database.db));
  });

  it('differ as soon as a migration adds, retypes or relaxes a column the declarations do not know', async () => {
    const { database } = ctx();
    await database.exec(`alter table districts add column drift_probe text;
      alter table offices alter column phone type varchar(40);
      alter table agencies alter column short_name drop not null`);
    const migrated = await migratedColumns(database.db);
    const declared = declaredColumns().sort(byName);
    const differing = migrated.filter((m) => !declared.some((d) => JSON.stringify(d) === JSON.stringify(m)));
    expect(differing.map((c) => `${c.table}.${c.column}`)).toEqual([
      'agencies.short_name',
      'districts.drift_probe',
      'offices.phone',
    ]);
  });
});
