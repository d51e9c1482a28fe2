import { serviceCreateSchema } from './catalog.admin.js';
import { calendarDayInputSchema, exceptionInputSchema, hoursBodySchema } from './network.admin.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('hoursBodySchema', () => {
  it('accepts a day with a break inside it, and a day without a break', () => {
    const parsed = hoursBodySchema.parse({
      hours: [
        { weekday: 1, opens: '08:00', closes: '17:00', breakStart: '12:00', breakEnd: '13:00' },
        { weekday: 6, opens: '09:00', closes: '13:00' },
      ],
    });
    expect(parsed.hours[1]).toEqual({
      weekday: 6,
      opens: '09:00',
      closes: '13:00',
      breakStart: null,
      breakEnd: null,
    });
  });

  it('names the closing time that is not after the opening time', () => {
    expect(
      paths(hoursBodySchema.safeParse({ hours: [{ weekday: 1, opens: '09:00', closes: '09:00' }] })),
    ).toEqual(['hours.0.closes']);
  });

  it('names a break with one end only, a break outside the day, and a weekday listed twice', () => {
    const result = hoursBodySchema.safeParse({
      hours: [
        { weekday: 1, opens: '09:00', closes: '18:00', breakStart: '12:00' },
        { weekday: 2, opens: '09:00', closes: '18:00', breakStart: '13:00', breakEnd: '19:00' },
        { weekday: 2, opens: '09:00', closes: '18:00' },
      ],
    });
    expect(paths(result)).toEqual(['hours.0.breakEnd', 'hours.1.breakEnd', 'hours.2.weekday']);
  });

  it('refuses a time that is not HH:MM', () => {
    expect(
      paths(hoursBodySchema.safeParse({ hours: [{ weekday: 1, opens: '9:00', closes: '24:00' }] })),
    ).toEqual(['hours.0.opens', 'hours.0.closes']);
  });
});

describe('exceptionInputSchema', () => {
  it('needs opening hours for an exception of kind "hours", and none for "closed"', () => {
    expect(paths(exceptionInputSchema.safeParse({ kind: 'hours', closes: '12:00' }))).toEqual(['opens']);
    expect(exceptionInputSchema.parse({ kind: 'closed' })).toEqual({
      kind: 'closed',
      opens: null,
      closes: null,
      note: null,
    });
  });
});

describe('serviceCreateSchema', () => {
  it('fills a new draft with empty lists and no agency, term or fee', () => {
    expect(
      serviceCreateSchema.parse({ code: 'new-service', title: 'Услуга', shortTitle: 'Услуга' }),
    ).toMatchObject({
      agency: null,
      term: null,
      fee: null,
      documents: [],
      stages: [],
      applicantKinds: ['person'],
    });
  });

  it('names a negative term, a description over 20,000 characters and a stage code used twice', () => {
    const stage = { code: 'accepted', title: 'Принято', citizenText: 'Приняты', notify: true };
    const result = serviceCreateSchema.safeParse({
      code: 'new-service',
      title: 'Услуга',
      shortTitle: 'Услуга',
      description: 'x'.repeat(20_001),
      term: { days: -1, kind: 'working' },
      stages: [stage, stage],
    });
    expect(paths(result)).toEqual(['description', 'term.days', 'stages.1.code']);
  });
});

describe('calendarDayInputSchema', () => {
  it('refuses a kind that is not working, dayoff or short', () => {
    expect(paths(calendarDayInputSchema.safeParse({ kind: 'holiday' }))).toEqual(['kind']);
  });
});
