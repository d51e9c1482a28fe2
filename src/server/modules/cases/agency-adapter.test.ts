import { afterEach, describe, expect, it } from 'vitest';
import { AgencyError, httpAgencyAdapter } from './agency-adapter.js';
import { type DevAgency, seededRandom, startDevAgency } from './dev-agency.js';

const request = (id: string) => ({
  id,
  agency: 'roskadastr',
  subject: 'Сведения о кадастровой стоимости',
  caseNumber: '48-2026-0000001',
  office: 'lip-kosmonavtov',
});

describe('the HTTP agency adapter against the simulated agency', () => {
  let agency: DevAgency | undefined;
  afterEach(async () => {
    await agency?.close();
    agency = undefined;
  });

  it('sends, keeps one request per okno id, and answers after the delay on the agency’s clock', async () => {
    let clock = 1_000_000;
    agency = await startDevAgency({ delayMs: 5000, clock: () => clock });
    const adapter = httpAgencyAdapter(agency.url);
    const { externalId } = await adapter.send(request('a'));
    expect(externalId).toBe('SIM-000001');
    // a repeated send (its first answer lost) is the same request
    expect(await adapter.send(request('a'))).toEqual({ externalId });
    expect(agency.requests()).toHaveLength(1);
    expect(await adapter.poll(externalId)).toEqual({ status: 'pending' });
    clock += 5000;
    const polled = await adapter.poll(externalId);
    expect(polled.status).toBe('answered');
    if (polled.status === 'answered') {
      expect(polled.answer.reference).toBe(externalId);
      expect(polled.answer.text).toContain('Сведения о кадастровой стоимости');
    }
  });

  it('tells a failure that may pass (503, no answer) from one that will not (400, 404)', async () => {
    agency = await startDevAgency({ delayMs: 0 });
    const adapter = httpAgencyAdapter(agency.url);
    await fetch(`${agency.url}/control`, { method: 'POST', body: JSON.stringify({ failNext: 1 }) });
    const unavailable = await adapter.send(request('b')).catch((e: unknown) => e);
    expect(unavailable).toBeInstanceOf(AgencyError);
    expect((unavailable as AgencyError).retryable).toBe(true);
    expect((unavailable as AgencyError).message).toMatch(/^HTTP 503/);

    const malformed = await adapter.send({ ...request('c'), subject: '' }).catch((e: unknown) => e);
    expect((malformed as AgencyError).retryable).toBe(false);
    expect((malformed as AgencyError).message).toMatch(/^HTTP 400/);

    const unknown = await adapter.poll('SIM-999999').catch((e: unknown) => e);
    expect((unknown as AgencyError).retryable).toBe(false);

    const url = agency.url;
    await agency.close();
    agency = undefined;
    const down = await httpAgencyAdapter(url, { timeoutMs: 2000 })
      .send(request('d'))
      .catch((e: unknown) => e);
    expect((down as AgencyError).retryable).toBe(true);
  });

  it('fails the configured share of sends, the same ones for the same seed', async () => {
    const outcomes = async (seed: number) => {
      const started = await startDevAgency({ failureRate: 0.5, seed });
      const adapter = httpAgencyAdapter(started.url);
      const results: boolean[] = [];
      for (let i = 0; i < 40; i++)
        results.push(
          await adapter.send(request(`s${seed}-${i}`)).then(
            () => true,
            () => false,
          ),
        );
      await started.close();
      return results;
    };
    const first = await outcomes(42);
    expect(await outcomes(42)).toEqual(first);
    const failed = first.filter((ok) => !ok).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
  });

  it('draws a seeded sequence in [0, 1)', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const drawn = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(drawn);
    for (const x of drawn) expect(x >= 0 && x < 1).toBe(true);
  });
});
