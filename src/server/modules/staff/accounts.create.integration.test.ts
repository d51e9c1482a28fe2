import { describeOnBackends } from '../../../../tests/support/app.js';
import { createAccount } from './accounts.create.js';
import { findUserByLogin } from './auth.repository.js';

const region = [{ role: 'analyst' as const, scope: { kind: 'region' as const } }];
// Not a real scrypt hash: these accounts never sign in, and scrypt is slow.
const passwordHash = 'not-a-hash';

describeOnBackends('creating a staff account', (ctx) => {
  it('takes the login by the shared loginSchema, trimmed and lower-cased, for the CLI and seed too', async () => {
    const db = ctx().database.db;
    const made = await createAccount(
      db,
      { login: '  Mixed.Case@Office ', password: 'a long password', grants: region, passwordHash },
      { by: 'test' },
    );
    expect(made.login).toBe('mixed.case@office');
    expect((await findUserByLogin(db, 'MIXED.case@office'))?.id).toBe(made.id);
    for (const login of ['иванов', 'two words', '-dash-first', 'x'.repeat(101), '']) {
      await expect(
        createAccount(
          db,
          { login, password: 'a long password', grants: region, passwordHash },
          { by: 'cli' },
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/^invalid login: /),
        details: [{ field: 'login', message: expect.any(String) }],
      });
    }
    expect(await findUserByLogin(db, 'иванов')).toBeUndefined();
  });

  it('refuses a weak password, but for a demo account whose rules are waived', async () => {
    const db = ctx().database.db;
    await expect(
      createAccount(db, { login: 'weak-one', password: 'demo', grants: region, passwordHash }, { by: 'cli' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'invalid password: must be at least 8 characters',
    });
    const demo = await createAccount(
      db,
      { login: 'demo-one', password: 'demo', grants: region, passwordHash, allowWeakPassword: true },
      { by: 'seed' },
    );
    expect(demo.login).toBe('demo-one');
  });

  it('refuses a login already taken, in any case', async () => {
    const db = ctx().database.db;
    await createAccount(
      db,
      { login: 'taken', password: 'a long password', grants: region, passwordHash },
      { by: 'cli' },
    );
    await expect(
      createAccount(
        db,
        { login: 'Taken', password: 'a long password', grants: region, passwordHash },
        { by: 'cli' },
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'login "taken" is taken' });
  });
});
