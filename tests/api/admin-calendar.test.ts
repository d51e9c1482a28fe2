import { adminGrants, fieldsOf, staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Call = Awaited<ReturnType<typeof staffClient>>['call'];

describeOnBackends('admin API: production calendar', (ctx) => {
  let admin: Call;
  beforeAll(async () => {
    admin = (await staffClient(ctx().app, ctx().database, adminGrants)).call;
  });
  const nextWorkingDay = async (from: string) =>
    (
      await ctx().app.inject({ method: 'GET', url: `/api/calendar/add-working-days?from=${from}&days=1` })
    ).json().date;

  it('applies an override to the working-day arithmetic at once, and the default kind removes it', async () => {
    // 2031-03-07 is a Friday: the next working day is Monday 2031-03-10 until that Monday is a day off.
    expect(await nextWorkingDay('2031-03-07')).toBe('2031-03-10');
    const set = await admin({
      method: 'PUT',
      url: '/api/admin/calendar/2031-03-10',
      payload: { kind: 'dayoff', note: 'Перенос выходного' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({
      date: '2031-03-10',
      weekday: 1,
      kind: 'dayoff',
      note: 'Перенос выходного',
      override: true,
    });
    expect(await nextWorkingDay('2031-03-07')).toBe('2031-03-11');

    const saturday = await admin({
      method: 'PUT',
      url: '/api/admin/calendar/2031-03-08',
      payload: { kind: 'working' },
    });
    expect(saturday.json()).toMatchObject({ kind: 'working', override: true });
    expect(await nextWorkingDay('2031-03-07')).toBe('2031-03-08');

    const back = await admin({
      method: 'PUT',
      url: '/api/admin/calendar/2031-03-08',
      payload: { kind: 'dayoff' },
    });
    expect(back.json()).toEqual({
      date: '2031-03-08',
      weekday: 6,
      kind: 'dayoff',
      note: null,
      override: false,
    });
    const removed = await admin({ method: 'DELETE', url: '/api/admin/calendar/2031-03-10' });
    expect(removed.json()).toMatchObject({ kind: 'working', override: false });
    expect(await nextWorkingDay('2031-03-07')).toBe('2031-03-10');

    const history = (
      await admin({ method: 'GET', url: '/api/admin/history?entity=calendar&key=2031-03-10' })
    ).json();
    expect(
      history.items.map((c: { action: string; before: unknown; after: unknown }) => [
        c.action,
        c.before,
        c.after,
      ]),
    ).toEqual([
      ['delete', { kind: 'dayoff', note: 'Перенос выходного' }, null],
      ['set', null, { kind: 'dayoff', note: 'Перенос выходного' }],
    ]);
  });

  it('lists every day of a year with its kind and whether it is an override', async () => {
    await admin({
      method: 'PUT',
      url: '/api/admin/calendar/2031-12-31',
      payload: { kind: 'short', note: 'Канун' },
    });
    const res = await admin({ method: 'GET', url: '/api/admin/calendar?year=2031' });
    expect(res.statusCode).toBe(200);
    const { days } = res.json();
    expect(days).toHaveLength(365);
    expect(days[0]).toMatchObject({ date: '2031-01-01', weekday: 3 });
    expect(days[364]).toEqual({
      date: '2031-12-31',
      weekday: 3,
      kind: 'short',
      note: 'Канун',
      override: true,
    });
    expect(days[4]).toEqual({ date: '2031-01-05', weekday: 7, kind: 'dayoff', note: null, override: false });
  });

  it('imports a year from CSV, replacing its overrides', async () => {
    await admin({ method: 'PUT', url: '/api/admin/calendar/2032-06-14', payload: { kind: 'dayoff' } });
    const content =
      'date,kind,note\n2032-01-01,dayoff,Новый год\n2032-01-02,dayoff,Новогодние каникулы\n2032-06-12,working,Рабочая суббота\n';
    const res = await admin({
      method: 'POST',
      url: '/api/admin/calendar/import',
      payload: { year: 2032, format: 'csv', content },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ year: 2032, overrides: 3 });
    const overrides = (await admin({ method: 'GET', url: '/api/admin/calendar?year=2032' }))
      .json()
      .days.filter((d: { override: boolean }) => d.override)
      .map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`);
    expect(overrides).toEqual(['2032-01-01 dayoff', '2032-01-02 dayoff', '2032-06-12 working']);
  });

  it('refuses an import with a bad line, naming the line, and changes nothing', async () => {
    await admin({
      method: 'PUT',
      url: '/api/admin/calendar/2033-03-07',
      payload: { kind: 'dayoff', note: 'До импорта' },
    });
    const before = (await admin({ method: 'GET', url: '/api/admin/calendar?year=2033' })).json();
    const content = JSON.stringify([
      { date: '2033-01-03', kind: 'dayoff' },
      { date: '2033-01-04', kind: 'dayoff' },
      { date: '2033-02-30', kind: 'dayoff' },
    ]);
    const res = await admin({
      method: 'POST',
      url: '/api/admin/calendar/import',
      payload: { year: 2033, format: 'json', content },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('line 3'),
      details: [{ field: 'body.content', line: 3, message: expect.stringContaining('2033-02-30') }],
    });
    const csv = await admin({
      method: 'POST',
      url: '/api/admin/calendar/import',
      payload: { year: 2033, format: 'csv', content: '2033-01-03,dayoff\n2033-01-04,holiday' },
    });
    expect(csv.json().error.details[0].line).toBe(2);
    expect((await admin({ method: 'GET', url: '/api/admin/calendar?year=2033' })).json()).toEqual(before);
  });

  it('refuses an unknown day kind and a date that does not exist', async () => {
    const kind = await admin({
      method: 'PUT',
      url: '/api/admin/calendar/2031-05-05',
      payload: { kind: 'holiday' },
    });
    expect(kind.statusCode).toBe(400);
    expect(fieldsOf(kind.json())).toEqual(['body.kind']);
    const date = await admin({
      method: 'PUT',
      url: '/api/admin/calendar/2031-02-30',
      payload: { kind: 'dayoff' },
    });
    expect(date.statusCode).toBe(400);
    expect(fieldsOf(date.json())).toEqual(['params.date']);
  });
});
