import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allowedTransitions,
  isFinalStage,
  issuedStage,
  type RouteStage,
  readyStage,
  refusedStage,
  resultReached,
  returnedStage,
  stageWords,
} from './case-route.js';

/** The route of a card from its stage codes (words do not matter to the transitions). */
const route = (codes: string): RouteStage[] =>
  codes.split('>').map((code) => ({ code, title: `«${code}»`, citizenText: `${code}…`, notify: true }));

/** Every distinct stage list the demo region's catalog has, as `a>b>c`. */
function catalogRoutes(): string[] {
  const dir = 'regions/lipetsk/services';
  const lists = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const services = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { stages: { code: string }[] }[];
    for (const s of services) lists.add(s.stages.map((st) => st.code).join('>'));
  }
  return [...lists].sort();
}

/** The whole table of a route: each stage → what it may move to. */
const table = (codes: string) => {
  const stages = route(codes);
  return Object.fromEntries(
    [...stages.map((s) => s.code), refusedStage, returnedStage].map((c) => [
      c,
      allowedTransitions(stages, c),
    ]),
  );
};

describe('allowedTransitions for each kind of route in the catalog', () => {
  it('the catalog has the route kinds these tests spell out (and nothing they do not cover below)', () => {
    const routes = catalogRoutes();
    for (const known of [
      'accepted>sent>review>ready>issued',
      'accepted>sent>smev>review>decided',
      'accepted>sent>registered',
      'accepted>processing>issued',
    ])
      expect(routes).toContain(known);
    // every list starts at acceptance and has at least one stage after it
    for (const r of routes) {
      expect(r.startsWith('accepted>'), r).toBe(true);
      expect(new Set(r.split('>')).size, `${r}: a stage twice`).toBe(r.split('>').length);
    }
  });

  it('accepted>sent>review>ready>issued: one step at a time, refused until ready, returned only from ready', () => {
    expect(table('accepted>sent>review>ready>issued')).toEqual({
      accepted: ['sent', 'refused'],
      sent: ['review', 'refused'],
      review: ['ready', 'refused'],
      ready: ['issued', 'returned'],
      issued: [],
      refused: [],
      returned: [],
    });
  });

  it('accepted>sent>smev>review>decided: no ready stage, so the result is the last stage and refused is open until it', () => {
    expect(table('accepted>sent>smev>review>decided')).toEqual({
      accepted: ['sent', 'refused'],
      sent: ['smev', 'refused'],
      smev: ['review', 'refused'],
      review: ['decided', 'refused'],
      decided: [],
      refused: [],
      returned: [],
    });
  });

  it('accepted>sent>registered: a short route, registered ends it', () => {
    expect(table('accepted>sent>registered')).toEqual({
      accepted: ['sent', 'refused'],
      sent: ['registered', 'refused'],
      registered: [],
      refused: [],
      returned: [],
    });
  });

  it('accepted>processing>issued: done at the office, never sent; issued is the last stage, no returned without ready', () => {
    expect(table('accepted>processing>issued')).toEqual({
      accepted: ['processing', 'refused'],
      processing: ['issued', 'refused'],
      issued: [],
      refused: [],
      returned: [],
    });
  });

  it('accepted>sent>smev>review>ready>issued: the request stage is one more step before ready', () => {
    expect(table('accepted>sent>smev>review>ready>issued')).toEqual({
      accepted: ['sent', 'refused'],
      sent: ['smev', 'refused'],
      smev: ['review', 'refused'],
      review: ['ready', 'refused'],
      ready: ['issued', 'returned'],
      issued: [],
      refused: [],
      returned: [],
    });
  });

  it('over every route of the catalog: the next stage first, refused only before the result, returned only from ready', () => {
    for (const codes of catalogRoutes()) {
      const stages = route(codes);
      const readyAt = stages.findIndex((s) => s.code === readyStage);
      stages.forEach((s, i) => {
        const allowed = allowedTransitions(stages, s.code);
        if (i === stages.length - 1) {
          expect(allowed, `${codes} @ ${s.code}`).toEqual([]);
          return;
        }
        expect(allowed[0], `${codes} @ ${s.code}`).toBe(stages[i + 1].code);
        const beforeResult = readyAt >= 0 ? i < readyAt : i < stages.length - 1;
        expect(allowed.includes(refusedStage), `${codes} @ ${s.code}: refused`).toBe(beforeResult);
        expect(allowed.includes(returnedStage), `${codes} @ ${s.code}: returned`).toBe(s.code === readyStage);
        // never backwards, never skipping a stage
        for (const to of allowed) {
          if (to === refusedStage || to === returnedStage) continue;
          expect(
            stages.findIndex((x) => x.code === to),
            `${codes}: ${s.code} → ${to}`,
          ).toBe(i + 1);
        }
      });
    }
  });
});

describe('ends and stages the route does not know', () => {
  const stages = route('accepted>sent>review>ready>issued');

  it('nothing leaves refused, returned or the last stage', () => {
    for (const end of [refusedStage, returnedStage, issuedStage]) {
      expect(isFinalStage(stages, end)).toBe(true);
      expect(allowedTransitions(stages, end)).toEqual([]);
    }
    expect(isFinalStage(stages, 'ready')).toBe(false);
    expect(isFinalStage(stages, 'accepted')).toBe(false);
  });

  it('a stage the card does not have allows nothing (a case is never moved from a stage it cannot be at)', () => {
    expect(allowedTransitions(stages, 'decided')).toEqual([]);
    expect(allowedTransitions(stages, '')).toEqual([]);
  });

  it('resultReached: from ready on, at the last stage without ready, and at either end', () => {
    expect(['accepted', 'sent', 'review'].map((c) => resultReached(stages, c))).toEqual([
      false,
      false,
      false,
    ]);
    expect(['ready', 'issued', 'refused', 'returned'].map((c) => resultReached(stages, c))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const noReady = route('accepted>sent>smev>review>decided');
    expect(resultReached(noReady, 'review')).toBe(false);
    expect(resultReached(noReady, 'decided')).toBe(true);
    expect(resultReached(noReady, 'unknown')).toBe(false);
  });

  it('stageWords: the card’s own words, the two ends’ words, null for anything else', () => {
    expect(stageWords(stages, 'review')?.title).toBe('«review»');
    expect(stageWords(stages, refusedStage)).toMatchObject({ code: 'refused', notify: true });
    expect(stageWords(stages, returnedStage)?.title).toMatch(/Возврат/);
    expect(stageWords(stages, 'decided')).toBeNull();
  });
});
