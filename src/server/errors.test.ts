import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hoursInputSchema } from '../shared/network.admin.js';
import { passwordSchema } from '../shared/staff.admin.js';
import { AppError, registerErrorHandler } from './errors.js';

async function appWithRoutes() {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post('/hours', { schema: { body: hoursInputSchema } }, async () => ({ ok: true }));
  typed.post('/password', { schema: { body: z.object({ password: passwordSchema }) } }, async () => ({}));
  typed.post('/service', async () => {
    throw new AppError('VALIDATION', 'invalid currentPassword: does not match', [
      { field: 'currentPassword', message: 'does not match', code: 'wrong_password' },
    ]);
  });
  await app.ready();
  return app;
}

describe('the VALIDATION error', () => {
  it('keeps code and message and adds each issue with its path, code and parameters', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({ method: 'POST', url: '/password', payload: { password: 'short' } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('invalid body.password: at least 8 characters');
    expect(error.details).toEqual([
      {
        field: 'body.password',
        message: 'at least 8 characters',
        path: 'password',
        code: 'too_small',
        params: { minimum: 8, inclusive: true, origin: 'string' },
      },
    ]);
  });

  it('names a rule of ours by params.rule', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({
      method: 'POST',
      url: '/hours',
      payload: { weekday: 1, opens: '10:00', closes: '09:00' },
    });
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ path: 'closes', code: 'custom', params: { rule: 'later_than_opens' } }),
    ]);
  });

  it("gives a service's details the same shape, with its own code", async () => {
    const app = await appWithRoutes();
    const res = await app.inject({ method: 'POST', url: '/service', payload: {} });
    expect(res.json().error).toEqual({
      code: 'VALIDATION',
      message: 'invalid currentPassword: does not match',
      details: [
        {
          field: 'currentPassword',
          message: 'does not match',
          path: 'currentPassword',
          code: 'wrong_password',
        },
      ],
    });
  });
});
