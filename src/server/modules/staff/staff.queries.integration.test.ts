import { describeOnBackends } from '../../../../tests/support/app.js';
import { isoTimestamp } from '../../db/type-parsers.js';
import { createAccount } from './accounts.create.js';
import { findSession, insertSession, recordFailedAttempt } from './auth.repository.js';
import { recordThrottledFailure, throttleWait } from './login-guard.repository.js';
import { securityLogHead } from './security-log.js';
import { findSecurityLog, findStaffRow, grantsOfRow } from './users.repository.js';

const grants = [
  { role: 'analyst' as const, scope: { kind: 'region' as const } },
  { role: 'operator' as const, scope: { kind: 'offices' as const, offices: ['lip-kosmonavtov'] } },
];

/** The hand-written parts of the staff queries (aggregates, now() arithmetic) return the types they declare. */
describeOnBackends('staff queries written by hand', (ctx) => {
  it('read an account with its grants and its lock as the schema types them', async () => {
    const db = ctx().database.db;
    const { id } = await createAccount(
      db,
      { login: 'typed-row', password: 'a long password', grants, passwordHash: 'not-a-hash' },
      { by: 'test' },
    );
    expect(await recordFailedAttempt(db, id, 1, 15)).toBe(true);
    const row = await findStaffRow(db, id);
    expect(row).toMatchObject({ id, login: 'typed-row', fullName: 'typed-row', disabled: false });
    expect(grantsOfRow(row!)).toEqual(grants);
    expect(typeof row?.createdAt).toBe('string');
    expect(Date.parse(isoTimestamp(row?.lockedUntil ?? ''))).toBeGreaterThan(Date.now());

    await insertSession(db, { tokenHash: 'typed-token', userId: id, maxHours: 1, ip: null, userAgent: null });
    expect(await findSession(db, 'typed-token', 30)).toMatchObject({
      userId: id,
      expired: false,
      touch: false,
      login: 'typed-row',
      mustChangePassword: false,
    });

    expect(await recordThrottledFailure(db, 'typed-row', '192.0.2.1', () => 60, 24)).toBe(1);
    const wait = await throttleWait(db, 'typed-row', '192.0.2.1');
    expect(typeof wait).toBe('number');
    expect(wait).toBeGreaterThan(0);
  });

  it('read the security log with numeric ids, ISO-convertible times and parsed details', async () => {
    const db = ctx().database.db;
    const head = await securityLogHead(db);
    expect(typeof head?.id).toBe('number');
    const { rows, total } = await findSecurityLog(db, { event: 'role_change', offset: 0, limit: 1 });
    expect(typeof total).toBe('number');
    expect(rows[0]).toMatchObject({ event: 'role_change', details: { action: 'user_created' } });
    expect(typeof rows[0].id).toBe('number');
    expect(isoTimestamp(rows[0].at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
