/**
 * Words of the quality screen: the five official criteria and the five labels of the scale, a score in
 * words («2 — плохо»), and dates — a calendar date as it is (the office's), an instant on the clock of
 * the office it belongs to.
 */
import { type RatingCriterion, ratingCriteria } from '../../shared/ratings.js';
import { type MessageKey, useT } from '../app/i18n/index.js';

export { ratingCriteria };

const criterionKeys: Record<RatingCriterion, MessageKey> = {
  time: 'quality.criterion.time',
  waiting: 'quality.criterion.waiting',
  staff: 'quality.criterion.staff',
  comfort: 'quality.criterion.comfort',
  information: 'quality.criterion.information',
};
const shortKeys: Record<RatingCriterion, MessageKey> = {
  time: 'quality.short.time',
  waiting: 'quality.short.waiting',
  staff: 'quality.short.staff',
  comfort: 'quality.short.comfort',
  information: 'quality.short.information',
};
const scoreKeys: Record<number, MessageKey> = {
  1: 'quality.score.1',
  2: 'quality.score.2',
  3: 'quality.score.3',
  4: 'quality.score.4',
  5: 'quality.score.5',
};

/** Below «нормально»: the scores that make a rating with a comment a follow-up. */
export const isLow = (score: number) => score < 3;

export function useQualityWords() {
  const { t, locale } = useT();
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    criterion: (c: RatingCriterion) => t(criterionKeys[c]),
    short: (c: RatingCriterion) => t(shortKeys[c]),
    /** The official label of a score: «очень плохо» … «отлично». */
    label: (score: number) => (score in scoreKeys ? t(scoreKeys[score]) : String(score)),
    /** A score with its label: «2 — плохо». */
    score: (score: number) =>
      t('quality.scoreText', { n: score, label: score in scoreKeys ? t(scoreKeys[score]) : '' }),
    /** A calendar date (YYYY-MM-DD, the office's) with its year. */
    day: (iso: string) => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    /** An instant with its time, on the office's clock (UTC until the office's zone is known). */
    at: (instant: string, timeZone = 'UTC') =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      }).format(new Date(instant)),
    /** The same, short, for a table's cell: «01.12.2026, 13:15». */
    stamp: (instant: string, timeZone = 'UTC') =>
      new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      }).format(new Date(instant)),
  };
}
