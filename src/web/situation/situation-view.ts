/**
 * The situational center's pure view logic: an office's state (what colour and mark it gets), the map's
 * projection fitted to the offices, a circle's size, and the list's orders. No I/O, tested beside it.
 */
import type { SituationOffice } from '../../shared/analytics.js';
import { sortedBy } from '../../shared/collation.js';

export type OfficeState = 'alert' | 'busy' | 'ok' | 'closed';
export const officeStates: OfficeState[] = ['alert', 'busy', 'ok', 'closed'];

/**
 * An alert first (whatever else); then closed now; then «busy» when the predicted or the longest wait
 * reaches two thirds of the target (the target is near); else fine.
 */
export function officeState(o: SituationOffice, targetMinutes: number): OfficeState {
  if (o.alerts.length > 0) return 'alert';
  if (!o.open) return 'closed';
  const wait = Math.max(o.predictedWaitMinutes ?? 0, o.longestWaitMinutes ?? 0);
  return wait >= Math.ceil((targetMinutes * 2) / 3) ? 'busy' : 'ok';
}

export type Projection = {
  width: number;
  height: number;
  project: (lat: number, lon: number) => { x: number; y: number };
};

/**
 * An equirectangular projection fitted to the points' bounds: longitude shrunk by the cosine of the middle
 * latitude (so a region keeps its shape), north up, `padding` around, `width` wide; the height follows, at
 * most `maxHeight` (then the map is centred across).
 */
export function fitProjection(
  points: readonly { lat: number; lon: number }[],
  options: { width?: number; maxHeight?: number; padding?: number } = {},
): Projection {
  const width = options.width ?? 800;
  const maxHeight = options.maxHeight ?? 640;
  const padding = options.padding ?? 28;
  if (points.length === 0) return { width, height: maxHeight / 2, project: () => ({ x: width / 2, y: 0 }) };
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const centre = { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
  const shrink = Math.cos((centre.lat * Math.PI) / 180);
  // a single office (or offices on one line) still gets a tenth of a degree of room
  const spanX = Math.max(maxLon - minLon, 0.1) * shrink;
  const spanY = Math.max(maxLat - minLat, 0.1);
  let scale = (width - 2 * padding) / spanX;
  if (spanY * scale + 2 * padding > maxHeight) scale = (maxHeight - 2 * padding) / spanY;
  const height = Math.round((spanY * scale + 2 * padding) * 10) / 10;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    width,
    height,
    project: (lat, lon) => ({
      x: round(width / 2 + (lon - centre.lon) * shrink * scale),
      y: round(height / 2 - (lat - centre.lat) * scale),
    }),
  };
}

/** The circle of an office: its area grows with the number waiting, capped so a crowd does not hide a district. */
export const circleRadius = (waiting: number) =>
  Math.round(Math.min(22, 5 + 3 * Math.sqrt(waiting)) * 10) / 10;

export type SortKey = 'alerts' | 'waiting' | 'longest' | 'predicted' | 'name';
export const sortKeys: SortKey[] = ['alerts', 'waiting', 'longest', 'predicted', 'name'];

/**
 * The list's orders: by alerts (most first, then the longest wait), by waiting, by the longest or the
 * predicted wait (longest first; unknown last), or by name; ties by name in the Russian order.
 */
export function sortOffices(offices: readonly SituationOffice[], key: SortKey): SituationOffice[] {
  const down = (n: number | null) => (n === null ? Number.POSITIVE_INFINITY : -n);
  const name = (o: SituationOffice) => o.name;
  switch (key) {
    case 'alerts':
      return sortedBy(
        offices,
        (o) => -o.alerts.length,
        (o) => down(o.longestWaitMinutes),
        (o) => -o.waiting,
        name,
      );
    case 'waiting':
      return sortedBy(
        offices,
        (o) => -o.waiting,
        (o) => down(o.longestWaitMinutes),
        name,
      );
    case 'longest':
      return sortedBy(
        offices,
        (o) => down(o.longestWaitMinutes),
        (o) => -o.waiting,
        name,
      );
    case 'predicted':
      return sortedBy(
        offices,
        (o) => down(o.predictedWaitMinutes),
        (o) => -o.waiting,
        name,
      );
    case 'name':
      return sortedBy(offices, name, (o) => o.district);
  }
}

/**
 * Which circles get their name written beside them, and on which side: in the order given (the most
 * important first), each label — about `charWidth` per character (13 px bold), `lineHeight` high — goes right of its
 * circle, or left of it when it would leave the map (`width`), and is kept only when it overlaps no label
 * already kept: a dense city shows its most urgent names, never a smudge.
 */
export function labelsWithoutOverlap(
  candidates: readonly { code: string; x: number; y: number; r: number; text: string }[],
  options: { width: number; charWidth?: number; lineHeight?: number },
): Map<string, 'start' | 'end'> {
  const charWidth = options.charWidth ?? 8.5;
  const lineHeight = options.lineHeight ?? 16;
  const kept: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const sides = new Map<string, 'start' | 'end'>();
  for (const c of candidates) {
    const length = c.text.length * charWidth;
    const right = c.x + c.r + 8 + length <= options.width;
    const x1 = right ? c.x + c.r + 8 : c.x - c.r - 8 - length;
    const box = { x1, y1: c.y - lineHeight / 2, x2: x1 + length, y2: c.y + lineHeight / 2 };
    if (kept.some((k) => box.x1 < k.x2 && k.x1 < box.x2 && box.y1 < k.y2 && k.y1 < box.y2)) continue;
    kept.push(box);
    sides.set(c.code, right ? 'start' : 'end');
  }
  return sides;
}
