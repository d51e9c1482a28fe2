import { safeError } from './logger.js';

const hash = `scrypt$131072$8$1$${'c2FsdA'.repeat(6)}$${'a2V5'.repeat(20)}`;

describe('errors in the log', () => {
  it('drops the parameters of a failed query and keeps its SQL text', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      detail: `Key (login)=(${hash})`,
      where: `parameter $3 = '${hash}'`,
    });
    const err = Object.assign(
      new Error(
        `Failed query: insert into users (login, password_hash) values ($1, $2)\nparams: bob,${hash}`,
      ),
      { query: 'insert into users (login, password_hash) values ($1, $2)', params: ['bob', hash], cause },
    );
    const logged = JSON.stringify(safeError(err));
    expect(logged).not.toContain(hash);
    expect(logged).not.toContain('a2V5a2V5');
    expect(logged).toContain('insert into users (login, password_hash) values ($1, $2)');
    expect(logged).toContain('22021');
    expect(logged).toContain('params: [redacted]');
  });

  it('redacts a long value a database message quotes, keeping short names', () => {
    const err = new Error(`invalid input syntax for type integer: "${hash}" in relation "users"`);
    const logged = safeError(err);
    expect(String(logged.message)).not.toContain(hash);
    expect(String(logged.message)).toContain('relation "users"');
    expect(String(logged.stack)).not.toContain(hash);
  });

  it('logs nothing of a thrown value that is not an Error', () => {
    expect(JSON.stringify(safeError({ password: 'x', hash }))).not.toContain(hash);
  });
});
