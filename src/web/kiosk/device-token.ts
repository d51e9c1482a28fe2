/**
 * The kiosk's device token: kept in localStorage under `okno.kiosk.<office>`. A link may bring it in the
 * URL's fragment (`/kiosk/<office>#device=<token>`: a fragment never reaches a server or a log); it is
 * stored and the fragment removed from the address at once.
 */
import { useCallback, useEffect, useState } from 'react';

export const deviceTokenKey = (office: string) => `okno.kiosk.${office}`;

/** The token of `#device=<token>`, if the fragment holds one. */
export function tokenFromFragment(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('device');
  return value && value.length <= 200 ? value : null;
}

function stored(office: string): string | null {
  try {
    return localStorage.getItem(deviceTokenKey(office));
  } catch {
    return null;
  }
}

function store(office: string, token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(deviceTokenKey(office));
    else localStorage.setItem(deviceTokenKey(office), token);
  } catch {
    // storage blocked: the kiosk keeps the token for this page only
  }
}

export function useDeviceToken(office: string) {
  const [token, setToken] = useState<string | null>(
    () => tokenFromFragment(window.location.hash) ?? stored(office),
  );
  useEffect(() => {
    const fromFragment = tokenFromFragment(window.location.hash);
    if (fromFragment === null) return;
    store(office, fromFragment);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, [office]);
  const save = useCallback(
    (next: string) => {
      store(office, next);
      setToken(next);
    },
    [office],
  );
  const forget = useCallback(() => {
    store(office, null);
    setToken(null);
  }, [office]);
  return { token, save, forget };
}
