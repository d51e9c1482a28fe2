import type { CaseStage } from '../../shared/cases.js';
import { caseNumberFromDigits, fromStatusLink, timelineOf } from './case-timeline.js';

const stage = (code: string, at: string | null): CaseStage => ({ code, title: code, citizenText: code, at });

describe('a case’s timeline', () => {
  it('shows the stages before the current one passed, then the current, then those to come', () => {
    const stages = [
      stage('accepted', '2026-11-30T07:25:00.000Z'),
      stage('sent', '2026-12-01T08:00:00.000Z'),
      stage('review', null),
      stage('ready', null),
    ];
    expect(timelineOf({ stage: stages[1], stages }).map((s) => s.state)).toEqual([
      'passed',
      'current',
      'upcoming',
      'upcoming',
    ]);
  });

  it('marks the stages a refusal skipped, and the refusal as the current one', () => {
    const stages = [
      stage('accepted', '2026-11-30T07:25:00.000Z'),
      stage('sent', null),
      stage('ready', null),
      stage('refused', '2026-12-01T08:00:00.000Z'),
    ];
    expect(timelineOf({ stage: stages[3], stages }).map((s) => s.state)).toEqual([
      'passed',
      'skipped',
      'skipped',
      'current',
    ]);
  });
});

describe('a case number typed on a keypad', () => {
  it('gets its dashes as the digits come', () => {
    expect(caseNumberFromDigits('4')).toBe('4');
    expect(caseNumberFromDigits('482')).toBe('48-2');
    expect(caseNumberFromDigits('482026')).toBe('48-2026');
    expect(caseNumberFromDigits('4820260001234')).toBe('48-2026-0001234');
    expect(caseNumberFromDigits('48-2026-000 1234')).toBe('48-2026-0001234');
  });
});

describe('the receipt’s status link', () => {
  it('gives the number and the PIN', () => {
    expect(fromStatusLink('https://mfc.example.ru/status?number=48-2026-0001234&pin=493027')).toEqual({
      number: '48-2026-0001234',
      pin: '493027',
    });
  });
  it('gives a bare number without a PIN, and nothing for other text', () => {
    expect(fromStatusLink('48 2026 0001234')).toEqual({ number: '48-2026-0001234', pin: null });
    expect(fromStatusLink('https://mfc.example.ru/status?number=48-2026-0001234&pin=12')).toEqual({
      number: '48-2026-0001234',
      pin: null,
    });
    expect(fromStatusLink('ACEF-HJKM')).toBeNull();
  });
});
