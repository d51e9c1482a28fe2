import {
  followUpDays,
  needsFollowUp,
  type RatingScores,
  ratingCreateSchema,
  ratingCriteria,
} from './ratings.js';

const all = (score: number): RatingScores => ({
  time: score,
  waiting: score,
  staff: score,
  comfort: score,
  information: score,
});

describe('the follow-up rule (a score below 3 on any criterion, with a comment)', () => {
  it('opens a follow-up for a 2 or a 1 on any one criterion with a comment', () => {
    for (const criterion of ratingCriteria) {
      for (const low of [1, 2]) {
        expect(needsFollowUp({ ...all(5), [criterion]: low }, 'долго ждал'), `${criterion}=${low}`).toBe(
          true,
        );
      }
    }
    expect(needsFollowUp(all(1), 'всё плохо')).toBe(true);
  });

  it('opens none at 3 (the rule is strictly below 3), nor for good scores', () => {
    expect(needsFollowUp(all(3), 'нормально, но можно лучше')).toBe(false);
    expect(needsFollowUp({ ...all(5), waiting: 3 }, 'ждал')).toBe(false);
    expect(needsFollowUp(all(5), 'спасибо')).toBe(false);
  });

  it('opens none without a comment: missing, null, empty or only spaces', () => {
    const low = { ...all(4), staff: 1 };
    expect(needsFollowUp(low, undefined)).toBe(false);
    expect(needsFollowUp(low, null)).toBe(false);
    expect(needsFollowUp(low, '')).toBe(false);
    expect(needsFollowUp(low, '   \n\t ')).toBe(false);
    expect(needsFollowUp(low, ' а ')).toBe(true);
  });

  it('is due 30 days after the rating', () => {
    expect(followUpDays).toBe(30);
  });
});

describe('ratingCreateSchema', () => {
  const refusal = (body: unknown) => {
    const parsed = ratingCreateSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    return parsed.error?.issues.map((i) => i.path.join('.')) ?? [];
  };

  it('takes five scores 1–5 and an optional comment', () => {
    expect(ratingCreateSchema.parse({ scores: all(1) })).toEqual({ scores: all(1) });
    expect(ratingCreateSchema.parse({ scores: all(5), source: 'kiosk' })).toEqual({
      scores: all(5),
      source: 'kiosk',
    });
  });

  it('refuses 0, 6 and 2.5, naming the criterion', () => {
    expect(refusal({ scores: { ...all(4), time: 0 } })).toEqual(['scores.time']);
    expect(refusal({ scores: { ...all(4), comfort: 6 } })).toEqual(['scores.comfort']);
    expect(refusal({ scores: { ...all(4), information: 2.5 } })).toEqual(['scores.information']);
    expect(refusal({ scores: { ...all(4), staff: '4' } })).toEqual(['scores.staff']);
    expect(refusal({ scores: { ...all(4), waiting: null } })).toEqual(['scores.waiting']);
  });

  it('refuses a missing criterion and missing scores', () => {
    const { waiting: _, ...four } = all(4);
    expect(refusal({ scores: four })).toEqual(['scores.waiting']);
    expect(refusal({})).toEqual(['scores']);
    expect(refusal({ scores: {} })).toEqual(ratingCriteria.map((c) => `scores.${c}`));
  });

  it('trims the comment, and an empty or blank one is none', () => {
    expect(ratingCreateSchema.parse({ scores: all(2), comment: '  грубый оператор \n' }).comment).toBe(
      'грубый оператор',
    );
    expect(ratingCreateSchema.parse({ scores: all(2), comment: '   ' }).comment).toBeUndefined();
    expect(ratingCreateSchema.parse({ scores: all(2), comment: '' }).comment).toBeUndefined();
  });

  it('refuses a comment over 2,000 characters once trimmed, and an unknown source', () => {
    expect(ratingCreateSchema.safeParse({ scores: all(3), comment: ` ${'я'.repeat(2000)} ` }).success).toBe(
      true,
    );
    expect(refusal({ scores: all(3), comment: 'я'.repeat(2001) })).toEqual(['comment']);
    expect(refusal({ scores: all(3), source: 'telegram' })).toEqual(['source']);
  });
});
