import { resolve } from 'node:path';
import { rows, sql } from '../../src/server/db/client.js';
import { RegionDataError } from '../../src/server/seed/load-region.js';
import { loadStaff, seedStaff } from '../../src/server/seed/seed-staff.js';
import { describeOnBackends } from '../support/app.js';

const regionDir = resolve(process.env.OKNO_TEST_REGION ?? 'regions/lipetsk');

describeOnBackends('demo staff accounts', (ctx) => {
  it('come with the demo region: one account per role', async () => {
    const found = await rows<{ login: string; roles: string[] }>(
      ctx().database.db,
      sql`select u.login, array_agg(g.role order by g.role) as roles from users u
        join user_grants g on g.user_id = u.id where u.login in
        ('admin', 'operator', 'backoffice', 'callcenter', 'office_head', 'analyst', 'catalog_editor')
        group by u.login order by u.login`,
    );
    expect(found.map((u) => [u.login, u.roles])).toEqual(
      ['admin', 'analyst', 'backoffice', 'callcenter', 'catalog_editor', 'office_head', 'operator'].map(
        (r) => [r, [r]],
      ),
    );
  });

  it('are left as they are when the region is seeded again', async () => {
    const db = ctx().database.db;
    await db.execute(sql`update users set full_name = 'renamed' where login = 'analyst'`);
    const staff = loadStaff(regionDir);
    if (!staff) throw new Error(`no staff.json in ${regionDir}`);
    expect(await seedStaff(db, staff)).toEqual({ created: 0, existing: staff.length });
    const [analyst] = await rows<{ full_name: string }>(
      db,
      sql`select full_name from users where login = 'analyst'`,
    );
    expect(analyst.full_name).toBe('renamed');
  });

  it('refuse a scope that names an office the region does not have', async () => {
    const grants = [
      { role: 'operator' as const, scope: { kind: 'offices' as const, offices: ['no-such-office'] } },
    ];
    const account = {
      login: 'ghost',
      password: 'demo',
      fullName: 'Ghost',
      grants,
      mustChangePassword: false,
    };
    await expect(seedStaff(ctx().database.db, [account])).rejects.toThrow(RegionDataError);
    await expect(seedStaff(ctx().database.db, [account])).rejects.toThrow('unknown office no-such-office');
  });
});
