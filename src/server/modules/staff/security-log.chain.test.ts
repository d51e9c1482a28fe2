import {
  type ChainEntry,
  canonicalJson,
  chainHash,
  firstBrokenLink,
  genesisHash,
} from './security-log.chain.js';

const entry = (id: number, details: unknown = {}): ChainEntry => ({
  id: String(id),
  at: `2026-01-01T00:00:0${id}.000Z`,
  userId: null,
  login: 'admin',
  event: 'login_success',
  ip: '127.0.0.1',
  userAgent: 'test',
  result: 'ok',
  details,
});

function chain(entries: ChainEntry[]) {
  let prev = genesisHash;
  return entries.map((e) => {
    const hash = chainHash(prev, e);
    const linked = { ...e, prevHash: prev, hash };
    prev = hash;
    return linked;
  });
}

describe('the security log chain', () => {
  it('writes the same JSON whatever the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });

  it('holds for an untouched chain', () => {
    expect(firstBrokenLink(chain([entry(1), entry(2), entry(3)]))).toHaveProperty('lastHash');
  });

  it('reports a changed entry', () => {
    const entries = chain([entry(1), entry(2), entry(3)]);
    entries[1] = { ...entries[1], details: { reason: 'edited' } };
    expect(firstBrokenLink(entries)).toEqual({ id: '2', intact: 1 });
  });

  it('reports the entry after a removed one', () => {
    const entries = chain([entry(1), entry(2), entry(3)]);
    expect(firstBrokenLink([entries[0], entries[2]])).toEqual({ id: '3', intact: 1 });
  });

  it('reports an entry whose hash was recomputed without its successor', () => {
    const entries = chain([entry(1), entry(2), entry(3)]);
    const forged = { ...entries[1], details: { x: 1 } };
    forged.hash = chainHash(forged.prevHash, { ...entry(2), details: { x: 1 } });
    expect(firstBrokenLink([entries[0], forged, entries[2]])).toEqual({ id: '3', intact: 2 });
  });
});
