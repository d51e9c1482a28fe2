import { describe, expect, it } from 'vitest';
import { idempotencyHeader } from '../../shared/booking.js';
import { kioskHeader } from '../../shared/queue.js';
import { idempotencyKeyHeader, kioskTokenHeader, newIdempotencyKey } from './kiosk-api.js';

describe('the kiosk API client', () => {
  it('sends the device token in the header the server reads', () => {
    expect(kioskTokenHeader).toBe(kioskHeader);
  });

  it('sends the booking’s idempotency key in the header the server reads, a fresh one each attempt', () => {
    expect(idempotencyKeyHeader).toBe(idempotencyHeader);
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
