/**
 * A case's status as the citizen reads it, I/O-free (the portal's /status, the kiosk's status screen and the
 * call center show the same): each stage of the route passed (with its date), current, still to come, or
 * skipped — a refusal ends the route before its last stages —; a case number typed as digits with its
 * dashes put in; the status link's number and PIN. Types only from src/shared/cases.ts (no zod here).
 */

import { parseCaseNumber, parsePin } from '../../shared/case-number.js';
import type { CaseStage, CaseStatus } from '../../shared/cases.js';

export type StepState = 'passed' | 'current' | 'upcoming' | 'skipped';
export type TimelineStep = CaseStage & { state: StepState };

export function timelineOf(status: Pick<CaseStatus, 'stage' | 'stages'>): TimelineStep[] {
  const current = status.stages.findIndex((s) => s.code === status.stage.code);
  return status.stages.map((stage, i) => {
    if (i === current) return { ...stage, at: stage.at ?? status.stage.at, state: 'current' };
    if (current >= 0 && i < current) return { ...stage, state: stage.at ? 'passed' : 'skipped' };
    // after the current stage: the route goes on unless the case has ended (a refusal comes last)
    return { ...stage, state: stage.at ? 'passed' : 'upcoming' };
  });
}

/**
 * The digits of a case number as typed on a keypad, with the dashes where they go: 2 digits of the region,
 * 4 of the year, then the sequence (7 digits, more once a year passes ten million).
 */
export function caseNumberFromDigits(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 16);
  return [digits.slice(0, 2), digits.slice(2, 6), digits.slice(6)].filter(Boolean).join('-');
}

/**
 * What a scanner typed or a person pasted: the receipt's status link (`…/status?number=…&pin=…`) gives both,
 * a bare number gives the number; null when it is neither.
 */
export function fromStatusLink(text: string): { number: string; pin: string | null } | null {
  const number = parseCaseNumber(text);
  if (!number) return null;
  const pin = /[?&]pin=([^&#\s]+)/.exec(text);
  let value: string | null = null;
  if (pin) {
    try {
      value = parsePin(decodeURIComponent(pin[1]));
    } catch {
      value = null;
    }
  }
  return { number, pin: value };
}
