import type { StaffTicket, WindowState } from '../../shared/queue.js';
import { ApiError } from '../app/api.js';
import { createTranslator } from '../app/i18n/index.js';
import { windowQueue } from './queue-panel.js';
import { queueErrorText } from './words.js';

const ru = createTranslator('ru').t;
const en = createTranslator('en').t;

describe('a refused queue action in the user’s words', () => {
  it('says a window is taken, never the server’s English', () => {
    const error = new ApiError(409, 'WINDOW_TAKEN', 'window 3 is held by another operator');
    expect(queueErrorText(ru, error)).toMatch(/^Окно занято/);
    expect(queueErrorText(en, error)).toMatch(/^The window is taken/);
  });

  it('names the ticket’s state and what is possible instead, skipping actions it has no words for', () => {
    const error = new ApiError(409, 'INVALID_TRANSITION', 'bad', {
      status: 'called',
      allowed: ['start', 'recall', 'teleport'],
    });
    expect(queueErrorText(ru, error)).toBe(
      'Сейчас это действие недоступно: талон — «вызван». Можно: «Начать приём», «Повторный вызов».',
    );
  });

  it('says why an office issues no ticket, with its closing time', () => {
    const error = new ApiError(409, 'OFFICE_CLOSED', 'closed', { reason: 'closing_soon', closesAt: '18:00' });
    expect(queueErrorText(ru, error)).toBe('Офис скоро закрывается (18:00): новые талоны уже не выдаются.');
    expect(queueErrorText(ru, new ApiError(409, 'OFFICE_CLOSED', 'closed', { reason: 'strange' }))).toBe(
      'Офис сейчас не принимает посетителей: талон не выдан.',
    );
  });

  it('reads a lost connection, a refusal of rights and anything else', () => {
    expect(queueErrorText(ru, new ApiError(0, 'NETWORK', 'x'))).toMatch(/^Нет связи/);
    expect(queueErrorText(ru, new ApiError(403, 'FORBIDDEN', 'x'))).toMatch(/нет прав/);
    expect(queueErrorText(ru, new ApiError(500, 'INTERNAL', 'x'))).toBe(
      'Не удалось выполнить действие. Попробуйте ещё раз.',
    );
  });
});

const ticket = (id: string, change: Partial<StaffTicket> = {}): StaffTicket => ({
  id,
  number: id,
  status: 'waiting',
  officeCode: 'o',
  service: null,
  purpose: 'consult',
  priority: null,
  issuedAt: '2026-03-09T09:00:00Z',
  queuedAt: '2026-03-09T09:00:00Z',
  dueAt: null,
  waitedMinutes: 0,
  window: null,
  targetWindow: null,
  returnWindow: null,
  calls: 0,
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  outcome: null,
  hasPhone: false,
  bookedFor: null,
  channel: 'staff',
  ...change,
});
const window = { number: 2, serviceCodes: [], categoryCodes: [] } as unknown as WindowState;
const takes = (w: WindowState, t: StaffTicket) => t.targetWindow === null || t.targetWindow === w.number;

describe('the queue of a window', () => {
  it('keeps the server’s order, a ticket sent to this window first and a postponed one last until its time', () => {
    const now = Date.parse('2026-03-09T10:00:00Z');
    const list = windowQueue(
      [
        ticket('A-001', { dueAt: '2026-03-09T10:05:00Z' }),
        ticket('A-002'),
        ticket('A-003', { targetWindow: 5 }),
        ticket('A-004', { dueAt: '2026-03-09T09:55:00Z' }),
        ticket('A-005', { targetWindow: 2 }),
      ],
      window,
      takes,
      now,
    );
    expect(list.map((t) => t.number)).toEqual(['A-005', 'A-002', 'A-004', 'A-001']);
  });
});
