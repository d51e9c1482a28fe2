import { distanceKm, parsePoint } from './geo.js';

describe('distanceKm', () => {
  it('gives the known distances between cities', () => {
    const moscow = { lat: 55.7558, lon: 37.6173 };
    const petersburg = { lat: 59.9343, lon: 30.3351 };
    const lipetsk = { lat: 52.6031, lon: 39.5708 };
    const yelets = { lat: 52.6208, lon: 38.5033 };
    expect(distanceKm(moscow, petersburg)).toBeGreaterThan(630);
    expect(distanceKm(moscow, petersburg)).toBeLessThan(638);
    expect(distanceKm(lipetsk, yelets)).toBeGreaterThan(70);
    expect(distanceKm(lipetsk, yelets)).toBeLessThan(75);
    expect(distanceKm(lipetsk, lipetsk)).toBe(0);
    expect(distanceKm(lipetsk, yelets)).toBeCloseTo(distanceKm(yelets, lipetsk), 9);
  });

  it('stays finite at the antipodes', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('parsePoint', () => {
  it('reads latitude and longitude', () => {
    expect(parsePoint('52.61,39.59')).toEqual({ lat: 52.61, lon: 39.59 });
    expect(parsePoint(' -33.9 , 151.2 ')).toEqual({ lat: -33.9, lon: 151.2 });
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      '52.61',
      '52.61,',
      'a,b',
      '91,0',
      '0,181',
      '1e2,3',
      '52.6;39.5',
      '0x10,1',
      'NaN,1',
    ]) {
      expect(parsePoint(bad)).toBeUndefined();
    }
  });
});
