import { missingForPublish } from './publishable.js';

const complete = {
  agency: 'mvd',
  term: { days: 30, kind: 'calendar' },
  documents: [{ name: 'Паспорт' }],
  stages: [{ code: 'accepted' }],
};

describe('missingForPublish', () => {
  it('finds nothing missing on a complete card', () => {
    expect(missingForPublish(complete)).toEqual([]);
  });

  it('lists agency, term, documents and stages when a new card has none of them', () => {
    expect(missingForPublish({ agency: null, term: null, documents: [], stages: [] })).toEqual([
      'agency',
      'term',
      'documents',
      'stages',
    ]);
  });

  it('lists only what is missing', () => {
    expect(missingForPublish({ ...complete, stages: [] })).toEqual(['stages']);
  });
});
