/**
 * An instant at midday in Moscow. Messages written as of it (`app.outbox.deps(middayInMoscow)`) are due at
 * once: SMS are not held by the quiet hours (21:00–09:00 in the office's zone) whatever hour the test runs at.
 */
export const middayInMoscow = new Date('2026-11-02T09:00:00Z');
