import { describeOnBackends } from '../support/app.js';

/**
 * Refused requests are limited too: the rate limit runs before the session is looked up, so a flood of
 * forged cookies or anonymous calls to staff routes costs the database nothing past the limit.
 */
describeOnBackends(
  'attack: a flood of refused requests',
  (ctx) => {
    it('answers 429 once the limit is used up, before any 401', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await ctx().app.inject({
          method: 'GET',
          url: '/api/admin/users',
          headers: { cookie: `okno_session=forged-${i}` },
          remoteAddress: '198.51.100.77',
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    });

    it('guards the HEAD twin of a staff GET route like the route itself', async () => {
      const res = await ctx().app.inject({
        method: 'HEAD',
        url: '/api/admin/users',
        remoteAddress: '198.51.100.78',
      });
      expect(res.statusCode).toBe(401);
    });
  },
  { config: { rateLimitPerMinute: 5 } },
);
