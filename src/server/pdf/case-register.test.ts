import { describe, expect, it } from 'vitest';
import type { Register } from '../../shared/case-registers.js';
import { registerBlocks } from './case-register.js';

const register: Register = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 'РП-lip-kosmonavtov-2026-000007',
  kind: 'transfer',
  status: 'handed_over',
  office: { code: 'lip-kosmonavtov', name: 'МФЦ на Космонавтов' },
  agency: { code: 'roskadastr', shortName: 'Роскадастр' },
  createdAt: '2026-12-08T07:00:00.000Z',
  createdBy: { id: 'u', name: 'Петрова Анна' },
  handedOverAt: '2026-12-08T08:00:00.000Z',
  courier: 'Курьер Сидоров',
  acceptedAt: null,
  acceptedBy: null,
  printed: 0,
  count: 2,
  lateCount: 1,
  actions: ['print', 'accept'],
  items: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      number: '48-2026-0000001',
      service: { code: 'egrn-extract', title: 'Выписка из ЕГРН' },
      applicant: 'Иванов И. И.',
      stage: { code: 'sent', title: 'Передано в ведомство' },
      acceptedAt: '2026-12-04T07:00:00.000Z',
      dueDate: '2026-12-09',
      storageUntil: null,
      late: true,
    },
    {
      id: '00000000-0000-4000-8000-000000000003',
      number: '48-2026-0000002',
      service: { code: 'egrn-extract', title: 'Выписка из ЕГРН' },
      applicant: 'ООО «Ромашка»',
      stage: { code: 'sent', title: 'Передано в ведомство' },
      acceptedAt: '2026-12-07T21:30:00.000Z',
      dueDate: '2026-12-11',
      storageUntil: null,
      late: false,
    },
  ],
};

describe('the printed register', () => {
  const blocks = registerBlocks(register, {
    generatedAt: new Date('2026-12-08T09:00:00Z'),
    timeZone: 'Europe/Moscow',
    address: 'Липецк, ул. Космонавтов, 56а',
  });

  it('lists each case on its line with the office’s local date of acceptance and the late mark', () => {
    const list = blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items).toEqual([
      {
        text: '1. 48-2026-0000001 — Выписка из ЕГРН — Иванов И. И. — 04.12.2026',
        note: 'передано позже следующего рабочего дня',
      },
      // 21:30 UTC on the 7th is already the 8th in Lipetsk
      { text: '2. 48-2026-0000002 — Выписка из ЕГРН — ООО «Ромашка» — 08.12.2026' },
    ]);
  });

  it('names the register, the office, the agency, the courier and both sides’ signature lines', () => {
    expect(blocks[0]).toEqual({ kind: 'title', text: 'Реестр передачи документов в орган власти' });
    expect(blocks[1]).toEqual({ kind: 'code', label: 'Номер реестра', value: register.number });
    const fields = blocks.find((b) => b.kind === 'fields');
    const rows =
      fields?.kind === 'fields' ? Object.fromEntries(fields.rows.map((r) => [r.label, r.value])) : {};
    expect(rows).toMatchObject({
      'Офис МФЦ': 'МФЦ на Космонавтов',
      'Орган власти': 'Роскадастр',
      'Дата составления': '8 декабря 2026 г., вторник',
      Курьер: 'Курьер Сидоров',
      'С нарушением срока передачи': '1',
    });
    const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(texts[0]).toMatch(/^Передал \(МФЦ\): _+ {4}подпись/);
    expect(texts[1]).toMatch(/^Принял \(орган власти\): _+/);
    expect(blocks.some((b) => b.kind === 'notice' && b.text.startsWith('1 из 2 дел'))).toBe(true);
  });
});
