/**
 * «Показать ближайшие» of the portal's office lists (offices-page.tsx, /book's office step): the person's
 * location from the browser, asked only on their press (the browser asks them first), never kept beyond
 * the page's state; to 4 decimals (~10 m).
 */
import { useState } from 'react';
import { type MessageKey, useT } from '../app/i18n/index.js';

export type Point = { lat: number; lon: number };
export type Nearby =
  | { state: 'off' }
  | { state: 'locating' }
  | { state: 'failed' }
  | { state: 'on'; point: Point };

function locate(): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lat: Number(position.coords.latitude.toFixed(4)),
          lon: Number(position.coords.longitude.toFixed(4)),
        }),
      reject,
      { maximumAge: 5 * 60_000, timeout: 15_000 },
    );
  });
}

/** Where the asking stands, the point once known, `ask` (on the person's press) and `reset` (back to off). */
export function useNearby() {
  const [nearby, setNearby] = useState<Nearby>({ state: 'off' });
  const ask = () => {
    setNearby({ state: 'locating' });
    locate().then(
      (point) => setNearby({ state: 'on', point }),
      () => setNearby({ state: 'failed' }),
    );
  };
  return {
    nearby,
    point: nearby.state === 'on' ? nearby.point : undefined,
    ask,
    reset: () => setNearby({ state: 'off' }),
  };
}

/** The button that asks, with its hint (or why the location is not known). */
export function NearestButton(props: { nearby: Nearby; onAsk: () => void; failed: MessageKey }) {
  const { t } = useT();
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={props.onAsk}
        disabled={props.nearby.state === 'locating'}
      >
        {t(props.nearby.state === 'locating' ? 'offices.locating' : 'offices.nearest')}
      </button>
      <p className="muted small" aria-live="polite">
        {t(props.nearby.state === 'failed' ? props.failed : 'offices.nearestHint')}
      </p>
    </>
  );
}
