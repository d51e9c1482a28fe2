import { describe, expect, it } from 'vitest';
import { kioskHeader } from '../../shared/queue.js';
import { kioskTokenHeader } from './kiosk-api.js';

describe('the kiosk API client', () => {
  it('sends the device token in the header the server reads', () => {
    expect(kioskTokenHeader).toBe(kioskHeader);
  });
});
