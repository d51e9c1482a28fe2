import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './retry-backoff.js';

const policy = { baseSeconds: 30, capSeconds: 3600 };

describe('retryDelaySeconds', () => {
  it('doubles with each attempt, between half and all of the step', () => {
    expect(retryDelaySeconds(1, policy, () => 0)).toBe(15);
    expect(retryDelaySeconds(1, policy, () => 1)).toBe(30);
    expect(retryDelaySeconds(2, policy, () => 1)).toBe(60);
    expect(retryDelaySeconds(4, policy, () => 0.5)).toBe(180);
  });

  it('never exceeds the cap', () => {
    expect(retryDelaySeconds(7, policy, () => 1)).toBe(1920);
    expect(retryDelaySeconds(8, policy, () => 1)).toBe(3600);
    expect(retryDelaySeconds(40, policy, () => 1)).toBe(3600);
    expect(retryDelaySeconds(40, policy, () => 0)).toBe(1800);
  });
});
