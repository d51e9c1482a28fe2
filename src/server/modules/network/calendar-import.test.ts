import { parseCalendarImport } from './calendar-import.js';

describe('parseCalendarImport', () => {
  it('reads CSV lines, skipping a header and blank lines, with commas kept in the note', () => {
    const csv =
      'date,kind,note\n2026-01-01,dayoff,Новый год\n\n2026-12-31,short,"Канун, короткий"\n2026-02-21,working,\n';
    expect(parseCalendarImport(2026, 'csv', csv)).toEqual({
      ok: true,
      days: [
        { date: '2026-01-01', kind: 'dayoff', note: 'Новый год' },
        { date: '2026-12-31', kind: 'short', note: 'Канун, короткий' },
        { date: '2026-02-21', kind: 'working', note: null },
      ],
    });
  });

  it('reports the number of the first bad CSV line', () => {
    const csv = 'date,kind,note\n2026-01-01,dayoff,Новый год\n2026-01-02,holiday,x\n2026-13-01,dayoff,';
    expect(parseCalendarImport(2026, 'csv', csv)).toEqual({
      ok: false,
      line: 3,
      message: expect.stringContaining('holiday'),
    });
  });

  it('refuses a date that is not real or not in the year', () => {
    expect(parseCalendarImport(2026, 'csv', '2026-02-30,dayoff')).toMatchObject({ ok: false, line: 1 });
    expect(parseCalendarImport(2026, 'csv', '2025-12-31,dayoff')).toMatchObject({
      ok: false,
      line: 1,
      message: '2025-12-31 is not in 2026',
    });
  });

  it('refuses a date listed twice at its second line', () => {
    const csv = '2026-01-01,dayoff\n2026-01-02,dayoff\n2026-01-01,working';
    expect(parseCalendarImport(2026, 'csv', csv)).toMatchObject({ ok: false, line: 3 });
  });

  it('reads a JSON array and reports a bad item by its position', () => {
    expect(
      parseCalendarImport(2026, 'json', '[{"date":"2026-05-01","kind":"dayoff","note":"Праздник"}]'),
    ).toEqual({
      ok: true,
      days: [{ date: '2026-05-01', kind: 'dayoff', note: 'Праздник' }],
    });
    expect(
      parseCalendarImport(
        2026,
        'json',
        '[{"date":"2026-05-01","kind":"dayoff"},{"date":"x","kind":"dayoff"}]',
      ),
    ).toMatchObject({
      ok: false,
      line: 2,
    });
    expect(parseCalendarImport(2026, 'json', '{"date":"2026-05-01"}')).toMatchObject({ ok: false, line: 0 });
  });
});
