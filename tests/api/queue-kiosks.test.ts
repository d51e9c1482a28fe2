import { rows, sql } from '../../src/server/db/client.js';
import { kioskForOffice } from '../../src/server/modules/queue/kiosks.service.js';
import { RegionDataError } from '../../src/server/seed/region-problem.js';
import { loadDemoKiosks, seedDemoKiosks } from '../../src/server/seed/seed-kiosks.js';
import type { Grant } from '../../src/shared/auth.js';
import type { Kiosk } from '../../src/shared/queue.js';
import { adminGrants, staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
type Office = { code: string; district: string };
type Enrollment = { kiosk: Kiosk; code: string };

/**
 * Kiosks are enrolled devices (issue 9): an admin enrolls one for an office and gets a one-time code, the
 * kiosk exchanges it for a device token, and only that token (for that office, not revoked) lets it issue
 * tickets. Admins act within their scope; the demo region enrolls a kiosk per main center.
 */
describeOnBackends('queue: kiosk enrollment', (ctx) => {
  let admin: Client;
  let districtAdmin: Client;
  let operator: Client;
  let own: Office;
  let other: Office;

  beforeAll(async () => {
    const offices = await rows<Office>(
      ctx().database.db,
      sql`select code, district_code as district from offices where status = 'open' order by district_code, code`,
    );
    own = offices.find((o) => o.code === 'lip-kosmonavtov') ?? offices[0];
    other = offices.find((o) => o.district !== own.district) ?? offices[1];
    admin = await staffClient(ctx().app, ctx().database, adminGrants);
    const district: Grant[] = [{ role: 'admin', scope: { kind: 'district', district: own.district } }];
    districtAdmin = await staffClient(ctx().app, ctx().database, district);
    operator = await staffClient(ctx().app, ctx().database, [
      { role: 'operator', scope: { kind: 'offices', offices: [own.code] } },
    ]);
  });

  const enroll = async (client: Client, office: string, label = 'Инфомат у входа') => {
    const res = await client.call({ method: 'POST', url: '/api/admin/kiosks', payload: { office, label } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Enrollment;
  };
  const exchange = (code: string) =>
    ctx().app.inject({ method: 'POST', url: '/api/kiosks/enroll', payload: { code } });
  const works = async (token: string, office: string) =>
    (await kioskForOffice(ctx().database.db, token, office, new Date())) !== null;

  it('enrolls a kiosk: the one-time code is exchanged for a device token that kioskForOffice accepts', async () => {
    const { kiosk, code } = await enroll(admin, own.code);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(kiosk).toMatchObject({ officeCode: own.code, status: 'pending', enrolledAt: null });
    expect(Date.parse(kiosk.codeExpiresAt ?? '') - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    const res = await exchange(code.toLowerCase().replace(/^(.{4})/, '$1-'));
    expect(res.statusCode, res.body).toBe(200);
    const { token, kiosk: enrolled } = res.json() as { token: string; kiosk: Kiosk };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(enrolled).toMatchObject({ id: kiosk.id, status: 'enrolled', codeExpiresAt: null });
    expect(await kioskForOffice(ctx().database.db, token, own.code, new Date())).toEqual({ id: kiosk.id });

    const list = await admin.call({ method: 'GET', url: `/api/admin/kiosks?office=${own.code}` });
    expect(list.statusCode).toBe(200);
    const found = (list.json() as Kiosk[]).find((k) => k.id === kiosk.id);
    expect(found?.status).toBe('enrolled');
    expect(found?.lastSeenAt).not.toBeNull();
    // only hashes are kept
    const [stored] = await rows<{ token_hash: string; code_hash: string | null }>(
      ctx().database.db,
      sql`select token_hash, code_hash from kiosks where id = ${kiosk.id}::uuid`,
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);
    expect(stored.code_hash).toBeNull();
  });

  it('takes a code once: the same code again is a 404 like a wrong one', async () => {
    const { code } = await enroll(admin, own.code);
    expect((await exchange(code)).statusCode).toBe(200);
    const again = await exchange(code);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');
    const wrong = await exchange('ZZZZZZZZ');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toEqual(again.json().error);
  });

  it('refuses an expired code', async () => {
    const { kiosk, code } = await enroll(admin, own.code);
    await ctx().database.db.execute(
      sql`update kiosks set code_expires_at = now() - interval '1 minute' where id = ${kiosk.id}::uuid`,
    );
    const res = await exchange(code);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it("refuses a kiosk's token at another office", async () => {
    const { code } = await enroll(admin, own.code);
    const { token } = (await exchange(code)).json() as { token: string };
    expect(await works(token, own.code)).toBe(true);
    expect(await works(token, other.code)).toBe(false);
    expect(await works('not-a-token', own.code)).toBe(false);
    expect(await works('', own.code)).toBe(false);
  });

  it('stops a token when the kiosk is revoked, and a revoked kiosk gets no new code', async () => {
    const { kiosk, code } = await enroll(admin, own.code);
    const { token } = (await exchange(code)).json() as { token: string };
    const revoked = await admin.call({ method: 'POST', url: `/api/admin/kiosks/${kiosk.id}/revoke` });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ id: kiosk.id, status: 'revoked' });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(await works(token, own.code)).toBe(false);
    const fresh = await admin.call({ method: 'POST', url: `/api/admin/kiosks/${kiosk.id}/code` });
    expect(fresh.statusCode).toBe(409);
  });

  it('stops the old token when a new code is issued; the new code enrolls the kiosk again', async () => {
    const { kiosk, code } = await enroll(admin, own.code);
    const { token } = (await exchange(code)).json() as { token: string };
    const res = await admin.call({ method: 'POST', url: `/api/admin/kiosks/${kiosk.id}/code` });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json() as Enrollment;
    expect(next.code).not.toBe(code);
    expect(next.kiosk.status).toBe('pending');
    expect(await works(token, own.code)).toBe(false);
    const again = (await exchange(next.code)).json() as { token: string };
    expect(await works(again.token, own.code)).toBe(true);
  });

  it('writes every change to the change log, never a code or a token', async () => {
    const { kiosk, code } = await enroll(admin, own.code);
    await exchange(code);
    await admin.call({ method: 'POST', url: `/api/admin/kiosks/${kiosk.id}/revoke` });
    const log = await rows<{ action: string; login: string; after: unknown }>(
      ctx().database.db,
      sql`select action, login, after from change_log where entity = 'kiosk' and entity_key = ${kiosk.id} order by id`,
    );
    expect(log.map((l) => [l.action, l.login])).toEqual([
      ['create', admin.user.login],
      ['enroll', 'kiosk'],
      ['revoke', admin.user.login],
    ]);
    expect(JSON.stringify(log)).not.toContain(code);
    const history = await admin.call({
      method: 'GET',
      url: `/api/admin/history?entity=kiosk&key=${kiosk.id}`,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().total).toBe(3);
  });

  it('keeps an admin of a district to the kiosks of their district', async () => {
    const mine = await enroll(districtAdmin, own.code);
    const elsewhere = await districtAdmin.call({
      method: 'POST',
      url: '/api/admin/kiosks',
      payload: { office: other.code, label: 'Чужой' },
    });
    expect(elsewhere.statusCode).toBe(403);
    const list = await districtAdmin.call({ method: 'GET', url: `/api/admin/kiosks?office=${other.code}` });
    expect(list.statusCode).toBe(403);

    const theirs = await enroll(admin, other.code);
    for (const action of ['code', 'revoke']) {
      const res = await districtAdmin.call({
        method: 'POST',
        url: `/api/admin/kiosks/${theirs.kiosk.id}/${action}`,
      });
      expect(res.statusCode, action).toBe(404);
    }
    // the history of a kiosk follows the same scope
    const ownHistory = await districtAdmin.call({
      method: 'GET',
      url: `/api/admin/history?entity=kiosk&key=${mine.kiosk.id}`,
    });
    expect(ownHistory.statusCode).toBe(200);
    const otherHistory = await districtAdmin.call({
      method: 'GET',
      url: `/api/admin/history?entity=kiosk&key=${theirs.kiosk.id}`,
    });
    expect(otherHistory.statusCode).toBe(403);
    const after = await admin.call({ method: 'GET', url: `/api/admin/kiosks?office=${other.code}` });
    expect((after.json() as Kiosk[]).find((k) => k.id === theirs.kiosk.id)?.status).toBe('pending');
    // their own still works
    const revoked = await districtAdmin.call({
      method: 'POST',
      url: `/api/admin/kiosks/${mine.kiosk.id}/revoke`,
    });
    expect(revoked.statusCode).toBe(200);
  });

  it('refuses staff who are not admins, and anyone signed out', async () => {
    for (const [method, url, payload] of [
      ['GET', `/api/admin/kiosks?office=${own.code}`, undefined],
      ['POST', '/api/admin/kiosks', { office: own.code, label: 'Инфомат' }],
    ] as const) {
      const res = await operator.call({ method, url, payload });
      expect(res.statusCode, url).toBe(403);
      const anonymous = await ctx().app.inject({ method, url, payload });
      expect(anonymous.statusCode, url).toBe(401);
    }
  });

  it('refuses an unknown office', async () => {
    const res = await admin.call({
      method: 'POST',
      url: '/api/admin/kiosks',
      payload: { office: 'no-such-office', label: 'Инфомат' },
    });
    expect(res.statusCode).toBe(400);
    const list = await admin.call({ method: 'GET', url: '/api/admin/kiosks?office=no-such-office' });
    expect(list.statusCode).toBe(404);
  });

  it('has enrolled a demo kiosk at every main center, with the known device token', async () => {
    const mains = await rows<{ code: string }>(
      ctx().database.db,
      sql`select code from offices where kind = 'main' order by code`,
    );
    expect(mains.length).toBeGreaterThan(0);
    for (const { code } of mains) expect(await works(`demo-kiosk-${code}`, code), code).toBe(true);
    expect(await works(`demo-kiosk-${mains[0].code}`, mains[1]?.code ?? 'x')).toBe(false);
  });

  it('seeds the demo kiosks once: a second seed enrolls nothing, a revoked demo kiosk stays revoked', async () => {
    const kiosks = loadDemoKiosks('regions/lipetsk') ?? [];
    expect(await seedDemoKiosks(ctx().database.db, kiosks)).toEqual({ created: 0, existing: kiosks.length });
    const [demo] = await rows<{ id: string }>(
      ctx().database.db,
      sql`select id from kiosks where office_code = ${kiosks[0].office} and label = ${kiosks[0].label}`,
    );
    await admin.call({ method: 'POST', url: `/api/admin/kiosks/${demo.id}/revoke` });
    expect(await seedDemoKiosks(ctx().database.db, kiosks)).toEqual({ created: 0, existing: kiosks.length });
    expect(await works(kiosks[0].demoToken, kiosks[0].office)).toBe(false);
  });

  it('refuses a demo kiosk of an unknown office, naming kiosks.json', async () => {
    const ghost = { office: 'no-such-office', label: 'Инфомат', demoToken: 'demo-kiosk-no-such-office' };
    await expect(seedDemoKiosks(ctx().database.db, [ghost])).rejects.toThrow(RegionDataError);
    await expect(seedDemoKiosks(ctx().database.db, [ghost])).rejects.toThrow(
      'kiosks.json: Инфомат: unknown office no-such-office',
    );
  });
});

describeOnBackends(
  'queue: kiosk enrollment is rate-limited per address',
  (ctx) => {
    it('answers 429 once an address has guessed too many codes', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await ctx().app.inject({
              method: 'POST',
              url: '/api/kiosks/enroll',
              payload: { code: 'AAAAAAAA' },
            })
          ).statusCode,
        );
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    });
  },
  { config: { loginRateLimitPerMinute: 3 } },
);
