import { meanAbsoluteError, predictWaitMinutes, serviceMinutes, waitBand } from './queue.wait.js';

describe('predictWaitMinutes', () => {
  it('shares the work ahead among the open windows', () => {
    expect(predictWaitMinutes([10, 10, 10], 1)).toBe(30);
    expect(predictWaitMinutes([10, 10, 10], 3)).toBe(10);
    expect(predictWaitMinutes([12, 8, 5], 5)).toBe(5);
  });

  it('rounds a part of a minute up', () => {
    expect(predictWaitMinutes([5, 5, 5], 2)).toBe(8);
    expect(predictWaitMinutes([10], 3)).toBe(4);
    expect(predictWaitMinutes([0.2], 1)).toBe(1);
  });

  it('is zero with nobody ahead', () => {
    expect(predictWaitMinutes([], 1)).toBe(0);
    expect(predictWaitMinutes([], 4)).toBe(0);
  });

  it('is null with no window open', () => {
    expect(predictWaitMinutes([10], 0)).toBeNull();
    expect(predictWaitMinutes([], 0)).toBeNull();
    expect(predictWaitMinutes([10], -1)).toBeNull();
  });

  it('adds no minute for the rounding noise of fractional means', () => {
    // 1.8 + 11.5 + 2 + 13.4 + 1.3 is 30.000000000000004 in floating point.
    expect(predictWaitMinutes([1.8, 11.5, 2, 13.4, 1.3], 1)).toBe(30);
    expect(predictWaitMinutes([3.5, 13.3, 5.4, 3.8], 1)).toBe(26);
    expect(predictWaitMinutes([13.3, 7.4, 10.9, 8.8, 6.6], 1)).toBe(47);
    expect(predictWaitMinutes([3.5, 13.3, 5.4, 3.8], 2)).toBe(13);
  });
});

describe('serviceMinutes', () => {
  const office = new Map([
    ['passport', 14],
    ['snils', 0],
  ]);
  const region = new Map([
    ['passport', 20],
    ['inn', 9.5],
  ]);

  it("takes the office's measure first", () => {
    expect(serviceMinutes('passport', office, region, 12)).toBe(14);
  });

  it('keeps a measured zero rather than falling through', () => {
    expect(serviceMinutes('snils', office, region, 12)).toBe(0);
  });

  it("takes the region's measure when the office has none", () => {
    expect(serviceMinutes('inn', office, region, 12)).toBe(9.5);
  });

  it('takes the default when neither has a measure, or for a ticket with no service', () => {
    expect(serviceMinutes('deed', office, region, 12)).toBe(12);
    expect(serviceMinutes(null, office, region, 7)).toBe(7);
  });
});

describe('waitBand', () => {
  it.each([
    [0, 'under10'],
    [9, 'under10'],
    [10, '10to20'],
    [19, '10to20'],
    [20, '20to30'],
    [30, '20to30'],
    [31, 'over30'],
    [240, 'over30'],
  ] as const)('puts %i minutes in %s', (minutes, band) => {
    expect(waitBand(minutes)).toBe(band);
  });
});

describe('meanAbsoluteError', () => {
  it('is null with nothing to compare', () => {
    expect(meanAbsoluteError([])).toBeNull();
  });

  it('averages the absolute errors, over and under alike', () => {
    expect(
      meanAbsoluteError([
        { predicted: 5, actual: 8 },
        { predicted: 10, actual: 6 },
        { predicted: 3, actual: 3 },
      ]),
    ).toBeCloseTo(7 / 3, 10);
    expect(meanAbsoluteError([{ predicted: 12, actual: 2 }])).toBe(10);
    expect(meanAbsoluteError([{ predicted: 4, actual: 4 }])).toBe(0);
  });
});
