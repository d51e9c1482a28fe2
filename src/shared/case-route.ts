/**
 * A case's route (pure): the stages of the service's card, frozen into the case at acceptance, walked one
 * at a time in their order; `refused` ends it from any stage before the result is at the office; `returned`
 * (unclaimed, after the storage term) ends it from the stage where the result waits at the office.
 *
 * Some stage codes mean something to okno wherever a card puts them:
 * - `sent`: the package left for the agency (a transfer register's handover moves cases there);
 * - `ready`: the result is at the office — the deadline is met, the storage term starts, the applicant
 *   is told (`case.result_ready`); a results register's arrival moves cases there;
 * - `issued`: the result was handed over (the issue action records to whom, after checking the document).
 */

export type RouteStage = { code: string; title: string; citizenText: string; notify: boolean };

export const refusedStage = 'refused';
export const returnedStage = 'returned';
export const sentStage = 'sent';
export const readyStage = 'ready';
export const issuedStage = 'issued';

/** Words for the two ends every route has besides its card's stages. */
export const endStages: Record<string, Omit<RouteStage, 'code'>> = {
  [refusedStage]: {
    title: 'Отказ в предоставлении услуги',
    citizenText: 'Ведомство отказало в предоставлении услуги. Ответ можно получить в МФЦ',
    notify: true,
  },
  [returnedStage]: {
    title: 'Возврат невостребованного результата',
    citizenText: 'Результат не был получен в срок хранения и возвращён в ведомство',
    notify: false,
  },
};

const indexOf = (stages: readonly RouteStage[], code: string) => stages.findIndex((s) => s.code === code);

/** Whether the case stands still for good: the card's last stage, refused or returned. */
export function isFinalStage(stages: readonly RouteStage[], code: string): boolean {
  return code === refusedStage || code === returnedStage || indexOf(stages, code) === stages.length - 1;
}

/**
 * Whether the result exists (the deadline is met from then on): the `ready` stage or any after it, the
 * card's last stage, a refusal. A card without `ready` produces its result at its last stage.
 */
export function resultReached(stages: readonly RouteStage[], code: string): boolean {
  if (code === refusedStage || code === returnedStage) return true;
  const ready = indexOf(stages, readyStage);
  const at = indexOf(stages, code);
  return ready >= 0 ? at >= ready : at === stages.length - 1;
}

/** The stages a case at `current` may move to, in the order a person would offer them. */
export function allowedTransitions(stages: readonly RouteStage[], current: string): string[] {
  if (isFinalStage(stages, current)) return [];
  const at = indexOf(stages, current);
  if (at < 0) return [];
  const allowed = [stages[at + 1].code];
  if (!resultReached(stages, current)) allowed.push(refusedStage);
  if (current === readyStage) allowed.push(returnedStage);
  return allowed;
}

/** The words of a stage of this route (the card's, or the two ends'). */
export function stageWords(stages: readonly RouteStage[], code: string): RouteStage | null {
  const own = stages.find((s) => s.code === code);
  if (own) return own;
  const end = endStages[code];
  return end ? { code, ...end } : null;
}
