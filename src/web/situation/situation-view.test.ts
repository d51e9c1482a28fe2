import type { SituationOffice } from '../../shared/analytics.js';
import {
  circleRadius,
  fitProjection,
  labelsWithoutOverlap,
  officeState,
  sortOffices,
} from './situation-view.js';

const office = (over: Partial<SituationOffice>): SituationOffice => ({
  code: 'x',
  name: 'Офис',
  district: 'Район',
  kind: 'main',
  lat: 52.6,
  lon: 39.6,
  timeZone: 'Europe/Moscow',
  open: true,
  waiting: 0,
  longestWaitMinutes: null,
  predictedWaitMinutes: null,
  windowsOpen: 1,
  windowsTotal: 4,
  visitsToday: 0,
  usualVisits: null,
  alerts: [],
  ...over,
});
const waitAlert = { kind: 'wait_over_target' as const, minutes: 16, window: null, kiosk: null };

describe('the situational center’s view', () => {
  it('gives an office its state: an alert first, then closed, then near the target, else fine', () => {
    expect(officeState(office({ open: false, alerts: [waitAlert] }), 15)).toBe('alert');
    expect(officeState(office({ open: false, predictedWaitMinutes: 30 }), 15)).toBe('closed');
    expect(officeState(office({ predictedWaitMinutes: 10 }), 15)).toBe('busy');
    expect(officeState(office({ longestWaitMinutes: 10 }), 15)).toBe('busy');
    expect(officeState(office({ predictedWaitMinutes: 9, longestWaitMinutes: 9 }), 15)).toBe('ok');
  });

  it('fits the offices into the map, north up, keeping the region’s shape', () => {
    const points = [
      { lat: 53.0, lon: 38.0 },
      { lat: 52.0, lon: 40.0 },
    ];
    const p = fitProjection(points, { width: 800, padding: 20, maxHeight: 2000 });
    const nw = p.project(53.0, 38.0);
    const se = p.project(52.0, 40.0);
    expect(nw).toEqual({ x: 20, y: 20 });
    expect(se.x).toBe(780);
    expect(se.y).toBe(p.height - 20);
    // a degree of longitude at 52.5° is cos(52.5°) ≈ 0.61 of a degree of latitude
    expect((se.x - nw.x) / 2 / (se.y - nw.y)).toBeCloseTo(Math.cos((52.5 * Math.PI) / 180), 2);
    const capped = fitProjection(points, { width: 800, padding: 20, maxHeight: 200 });
    expect(capped.height).toBe(200);
    const a = capped.project(53.0, 38.0);
    const b = capped.project(52.0, 40.0);
    expect(a.y).toBe(20);
    expect(b.y).toBe(180);
    // centred across
    expect(Math.round(a.x + b.x)).toBe(800);
  });

  it('places a single office in the middle', () => {
    const p = fitProjection([{ lat: 52.6, lon: 39.6 }], { width: 800 });
    const { x, y } = p.project(52.6, 39.6);
    expect(Math.round(x)).toBe(400);
    expect(Math.round(y)).toBe(Math.round(p.height / 2));
  });

  it('grows a circle with the number waiting, up to a cap', () => {
    expect(circleRadius(0)).toBe(5);
    expect(circleRadius(4)).toBe(11);
    expect(circleRadius(10_000)).toBe(22);
  });

  it('orders the list by alerts, waits or name, unknown waits last', () => {
    const list = [
      office({ code: 'a', name: 'Б-офис', waiting: 3, longestWaitMinutes: 5, predictedWaitMinutes: null }),
      office({ code: 'b', name: 'А-офис', waiting: 1, longestWaitMinutes: 20, alerts: [waitAlert] }),
      office({ code: 'c', name: 'В-офис', waiting: 0, predictedWaitMinutes: 4 }),
    ];
    const codes = (key: Parameters<typeof sortOffices>[1]) => sortOffices(list, key).map((o) => o.code);
    expect(codes('alerts')).toEqual(['b', 'a', 'c']);
    expect(codes('waiting')).toEqual(['a', 'b', 'c']);
    expect(codes('longest')).toEqual(['b', 'a', 'c']);
    expect(codes('predicted')).toEqual(['c', 'a', 'b']);
    expect(codes('name')).toEqual(['b', 'a', 'c']);
  });
});

describe('the map’s labels', () => {
  it('keeps the first label of those that would overlap, and every one that does not', () => {
    const kept = labelsWithoutOverlap(
      [
        { code: 'urgent', x: 100, y: 100, r: 10, text: 'Главный офис' },
        { code: 'near', x: 110, y: 105, r: 5, text: 'Соседний офис' },
        { code: 'below', x: 100, y: 140, r: 10, text: 'Ниже' },
        { code: 'far', x: 400, y: 100, r: 5, text: 'Дальний' },
      ],
      { width: 800 },
    );
    expect([...kept.keys()]).toEqual(['urgent', 'below', 'far']);
  });

  it('writes a name left of its circle when it would leave the map', () => {
    const sides = labelsWithoutOverlap(
      [
        { code: 'edge', x: 780, y: 100, r: 5, text: 'Офис у края' },
        { code: 'middle', x: 300, y: 100, r: 5, text: 'Офис' },
      ],
      { width: 800 },
    );
    expect(Object.fromEntries(sides)).toEqual({ edge: 'end', middle: 'start' });
  });
});
