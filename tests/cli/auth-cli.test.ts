import pg from 'pg';
import { createPostgresDatabase } from '../support/databases.js';
import { runOkno } from './run-okno.js';

describe('okno user create and okno audit verify (PostgreSQL)', { timeout: 180_000 }, () => {
  let database: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    database = await createPostgresDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  const okno = (...args: string[]) => runOkno(args, { DATABASE_URL: database.url });

  it('creates the first admin with a scope, and refuses the same login again', async () => {
    const made = await okno(
      'user',
      'create',
      '--login',
      'Chief',
      '--role',
      'admin',
      '--password',
      'a long password',
      '--name',
      'Главный администратор',
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/created user chief \(.+\): admin on region/);
    const again = await okno(
      'user',
      'create',
      '--login',
      'chief',
      '--role',
      'admin',
      '--password',
      'a long password',
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('login "chief" is taken');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `select u.full_name, g.role, g.scope_kind from users u join user_grants g on g.user_id = u.id where u.login = 'chief'`,
    );
    await client.end();
    expect(rows).toEqual([{ full_name: 'Главный администратор', role: 'admin', scope_kind: 'region' }]);
  });

  it('refuses an unknown role, a bad scope, a short password, and a missing password without a terminal', async () => {
    const role = await okno(
      'user',
      'create',
      '--login',
      'x1',
      '--role',
      'boss',
      '--password',
      'a long password',
    );
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/unknown role "boss": one of operator, .*admin/);
    const scope = await okno(
      'user',
      'create',
      '--login',
      'x2',
      '--role',
      'operator',
      '--scope',
      'town',
      '--password',
      'a long password',
    );
    expect(scope.code).not.toBe(0);
    expect(scope.stderr).toContain('bad --scope "town"');
    const short = await okno('user', 'create', '--login', 'x3', '--role', 'operator', '--password', 'short');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('invalid password: must be at least 8 characters');
    const none = await okno('user', 'create', '--login', 'x4', '--role', 'operator');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('no --password given and no terminal');
  });

  it('reports an intact security log, then the first entry changed behind the trigger', async () => {
    const intact = await okno('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^security log intact: \d+ entries/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('select min(id)::text as id from security_log');
    await client.query('alter table security_log disable trigger security_log_no_change');
    await client.query(`update security_log set login = 'someone else' where id = $1`, [rows[0].id]);
    await client.query('alter table security_log enable trigger security_log_no_change');
    await client.end();
    const broken = await okno('audit', 'verify');
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain(`broken at entry #${rows[0].id}`);
  });

  it('anchors the chain: a tail cut off after the anchor fails the check, though every link left holds', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // The test before broke the chain on purpose: start from a log of two fresh, intact entries.
    await client.query('alter table security_log disable trigger security_log_no_truncate');
    await client.query('truncate security_log');
    await client.query('alter table security_log enable trigger security_log_no_truncate');
    await client.end();
    // Ten and more entries: an anchor taken from ids ordered as text ('9' > '10') would miss the head.
    for (const login of ['anchor-a', 'anchor-b', 'anchor-c', 'anchor-d', 'anchor-e', 'anchor-f']) {
      const made = await okno(
        'user',
        'create',
        '--login',
        login,
        '--role',
        'analyst',
        '--password',
        'a long password',
      );
      expect(made.code).toBe(0);
    }
    const anchored = await okno('audit', 'anchor');
    expect(anchored.code).toBe(0);
    const anchor = anchored.stdout.trim();
    expect(anchor).toMatch(/^[0-9a-f]{64}$/);
    const fine = await okno('audit', 'verify', '--anchor', anchor);
    expect(fine.code).toBe(0);
    expect(fine.stdout).toContain('the anchor is in the chain');

    const cut = new pg.Client({ connectionString: database.url });
    await cut.connect();
    await cut.query('alter table security_log disable trigger security_log_no_change');
    await cut.query('delete from security_log where id = (select max(id) from security_log)');
    await cut.query('alter table security_log enable trigger security_log_no_change');
    await cut.end();
    const plain = await okno('audit', 'verify');
    expect(plain.code).toBe(0);
    const anchoredCheck = await okno('audit', 'verify', '--anchor', anchor);
    expect(anchoredCheck.code).not.toBe(0);
    expect(anchoredCheck.stderr).toContain('does not reach the anchor');
    const bad = await okno('audit', 'verify', '--anchor', 'not-a-hash');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--anchor takes the 64 hex digits');
  });
});
