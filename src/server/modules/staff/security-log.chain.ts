import { createHash } from 'node:crypto';

/** One entry of the security log as it is hashed: every column but the hashes themselves. */
export type ChainEntry = {
  id: string;
  at: string; // ISO 8601 in UTC with milliseconds
  userId: string | null;
  login: string | null;
  event: string;
  ip: string | null;
  userAgent: string | null;
  result: string;
  details: unknown;
};

/** JSON with object keys sorted at every level: the same entry always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const genesisHash = '0'.repeat(64);

export const chainHash = (prevHash: string, entry: ChainEntry) =>
  createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');

/** The first entry whose link does not hold, or undefined when the whole sequence does. */
export function firstBrokenLink(
  entries: Iterable<ChainEntry & { prevHash: string; hash: string }>,
  prevHash = genesisHash,
): { id: string; intact: number } | { lastHash: string } {
  let prev = prevHash;
  let intact = 0;
  for (const e of entries) {
    const { prevHash: storedPrev, hash, ...entry } = e;
    if (storedPrev !== prev || chainHash(prev, entry) !== hash) return { id: e.id, intact };
    prev = hash;
    intact++;
  }
  return { lastHash: prev };
}
