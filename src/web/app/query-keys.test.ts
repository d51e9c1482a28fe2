import { QueryClient } from '@tanstack/react-query';
import { changedKeys, invalidateChanged, queryKeys } from './query-keys.js';

const k = queryKeys.admin;

describe('what a change makes stale', () => {
  it('an office change reaches its own card, the lists, district counts, the portal and its history', async () => {
    const client = new QueryClient();
    const seeded = [
      k.office('elets'),
      k.office('lipetsk'),
      k.offices({ kind: 'main' }),
      k.districts(),
      k.history('office', 'elets'),
      queryKeys.network.office('elets'),
      k.users(),
    ];
    for (const key of seeded) client.setQueryData(key, { some: 'data' });
    await invalidateChanged(client, 'office', 'elets');
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(k.office('elets'))).toBe(true);
    expect(stale(k.office('lipetsk'))).toBe(false);
    expect(stale(k.offices({ kind: 'main' }))).toBe(true);
    expect(stale(k.districts())).toBe(true);
    expect(stale(k.history('office', 'elets'))).toBe(true);
    expect(stale(queryKeys.network.office('elets'))).toBe(true);
    expect(stale(k.users())).toBe(false);
  });

  it('names a key for every kind of change the history records', () => {
    for (const entity of ['district', 'agency', 'office', 'service', 'calendar', 'user', 'kiosk'] as const)
      expect(changedKeys(entity).length).toBeGreaterThan(0);
  });
});
