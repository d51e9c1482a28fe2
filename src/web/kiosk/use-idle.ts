import { useEffect, useRef } from 'react';

/**
 * Calls `onIdle` once nobody has touched the screen for `ms` while `active`; any touch, click or key starts
 * the wait again. The kiosk goes back to its first screen so.
 */
export function useIdle(active: boolean, ms: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => callback.current(), ms);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), ms);
    };
    const events = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
    for (const name of events) document.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of events) document.removeEventListener(name, restart, { capture: true });
    };
  }, [active, ms]);
}

/** The idle wait: 60 s, or `?idle=<seconds>` (1–600) in the address — a test's or a technician's. */
export function idleMilliseconds(search: string): number {
  const seconds = Number(new URLSearchParams(search).get('idle'));
  return Number.isFinite(seconds) && seconds >= 1 && seconds <= 600 ? seconds * 1000 : 60_000;
}
