import { dummyHash, hashPassword, needsRehash, scryptParams, verifyPassword } from './password.js';

describe('password hashes', () => {
  it('stores scrypt at OWASP’s minimum cost (N=2^17, r=8, p=1), a 32-byte salt and a 64-byte key', async () => {
    const hash = await hashPassword('correct horse');
    const [name, N, r, p, salt, key] = hash.split('$');
    expect([name, Number(N), Number(r), Number(p)]).toEqual(['scrypt', 2 ** 17, 8, 1]);
    expect(Buffer.from(salt, 'base64')).toHaveLength(scryptParams.saltBytes);
    expect(Buffer.from(key, 'base64')).toHaveLength(scryptParams.keyBytes);
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('пароль-с-юникодом');
    expect(await verifyPassword('пароль-с-юникодом', hash)).toBe(true);
    expect(await verifyPassword('пароль-с-юникодоm', hash)).toBe(false);
  });

  it('verifies a hash made with other parameters, so the cost can be raised later', async () => {
    const hash = await hashPassword('old one');
    const [, , , , salt] = hash.split('$');
    const { scryptSync } = await import('node:crypto');
    const cheap = [
      'scrypt',
      1024,
      8,
      1,
      salt,
      scryptSync('old one', Buffer.from(salt, 'base64'), 32, { N: 1024 }).toString('base64'),
    ].join('$');
    expect(await verifyPassword('old one', cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(hash)).toBe(false);
  });

  it('asks to remake a hash of the former cost N=2^15', () => {
    const former = ['scrypt', 2 ** 15, 8, 1, 'c2FsdA==', Buffer.alloc(64).toString('base64')].join('$');
    expect(needsRehash(former)).toBe(true);
    expect(needsRehash('bcrypt$2b$10$abc')).toBe(true);
  });

  it('never matches a malformed or foreign hash', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$x$8$1$c2FsdA==$a2V5',
      'bcrypt$2b$10$abc',
      `scrypt$${2 ** 30}$8$1$AA==$${'A'.repeat(44)}`,
    ]) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('takes as long for the dummy hash as for a real one (the same parameters)', async () => {
    const dummy = await dummyHash();
    expect(dummy.split('$').slice(0, 4)).toEqual((await hashPassword('x')).split('$').slice(0, 4));
    expect(await verifyPassword('anything', dummy)).toBe(false);
  });
});
