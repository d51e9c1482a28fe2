import { describeOnBackends } from '../../../../tests/support/app.js';

describeOnBackends('GET /health', (ctx) => {
  it('reports that the database answers', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: { kind: ctx().kind, ok: true } });
  });

  it('answers an unknown API route with a stable NOT_FOUND error', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
