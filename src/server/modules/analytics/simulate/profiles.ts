import type { VisitPurpose } from '../../../../shared/queue.js';

/**
 * The shape of a real МФЦ's year (pure constants and small functions): how visits fall by weekday, hour and
 * month, how they grow, what people come for and how long it takes at the window. The generator draws every
 * simulated visit from these; the unit tests check the generated history against them.
 */

/** ISO weekday (1 Monday … 7 Sunday) → relative traffic of a day the office is open. Saturday is lighter. */
export const weekdayWeight: Record<number, number> = {
  1: 1.12,
  2: 1.06,
  3: 1.0,
  4: 1.0,
  5: 0.94,
  6: 0.55,
  7: 0.35,
};

/** Month (1–12) → seasonality: spring and autumn high; the summer and the New Year holidays dip. */
export const monthWeight: Record<number, number> = {
  1: 0.78,
  2: 0.98,
  3: 1.1,
  4: 1.14,
  5: 0.96,
  6: 0.9,
  7: 0.8,
  8: 0.84,
  9: 1.06,
  10: 1.14,
  11: 1.1,
  12: 0.98,
};

/** The last days of December and the first working days of January are quieter still. */
export function holidayDip(date: string): number {
  const md = date.slice(5);
  if (md >= '12-28') return 0.75;
  if (md <= '01-12') return 0.85;
  return 1;
}

/** Visits grow by a fifth a year (the region's own figure). */
export const yearlyGrowth = 0.2;

/**
 * Relative arrival intensity at a minute of the day (local wall clock): a morning rise, the peak late in the
 * morning, a dip at lunch, a second peak after it, a quiet evening.
 */
export function hourWeight(minuteOfDay: number): number {
  const h = minuteOfDay / 60;
  const bump = (centre: number, width: number, height: number) =>
    height * Math.exp(-((h - centre) ** 2) / (2 * width * width));
  return 0.25 + bump(11, 1.2, 1.0) + bump(14.8, 1.1, 0.85) + bump(17.5, 1.0, 0.3) - bump(13, 0.45, 0.25);
}

/** Office weight per window: the main centers of the cities take far more people than a remote office. */
export const officeKindWeight: Record<string, number> = { main: 1, remote: 0.3, kiosk: 0 };

/**
 * The service mix: each service's own yearly popularity from the catalog, lifted for the categories a real
 * МФЦ sees most (real estate and land, passports and migration, social payments), and a floor for services
 * the catalog gives no popularity.
 */
export const categoryBoost: Record<string, number> = {
  realty: 1.25,
  passports: 1.2,
  social: 1.15,
  family: 1.1,
  pension: 1.1,
};
export const agencyBoost: Record<string, number> = { rosreestr: 1.1, roskadastr: 1.1, 'mvd-migration': 1.05 };
export const popularityFloor = 20;

export function serviceWeight(s: {
  popularity: number;
  category: string | null;
  agency: string | null;
}): number {
  return (
    Math.max(s.popularity, popularityFloor) *
    (categoryBoost[s.category ?? ''] ?? 1) *
    (agencyBoost[s.agency ?? ''] ?? 1)
  );
}

/** Mean minutes at the window to submit an application, by catalog category. */
export const submitMinutes: Record<string, number> = {
  realty: 18,
  passports: 15,
  social: 14,
  family: 15,
  pension: 12,
  housing: 15,
  taxes: 10,
  archive: 10,
  transport: 16,
  education: 12,
  construction: 18,
  health: 9,
  business: 20,
  licences: 16,
  employment: 12,
  other: 9,
};
export const defaultSubmitMinutes = 12;
/** Collecting a result and a consultation are short. */
export const purposeMinutes: Record<Exclude<VisitPurpose, 'submit'>, number> = { collect: 5, consult: 7 };

/** Why people come: most submit an application, many collect a result, some only ask. */
export const purposeShares: Record<VisitPurpose, number> = { submit: 0.6, collect: 0.27, consult: 0.13 };

/** Visits that came by booking, and how bookings were made. */
export const bookedShare = 0.24;
export const bookingChannelShares = { portal: 0.55, callcenter: 0.2, kiosk: 0.1, operator: 0.15 } as const;
/** Bookings nobody came to (no ticket), and bookings cancelled by the citizen, as shares of all bookings. */
export const bookingNoShowShare = 0.1;
export const bookingCancelShare = 0.05;
/** Walk-ins' tickets: from the kiosk, or issued by the staff at the desk. */
export const walkInKioskShare = 0.8;
/** Called twice and not there. */
export const ticketNoShowShare = 0.02;
/** Tickets with a priority category (без очереди). */
export const priorityShare = 0.03;
/** An application refused at the window (incomplete documents): no case. */
export const refusedAtWindowShare = 0.02;

/** Staffing: windows the office opens for the expected work, at this utilisation, drawn per office-day. */
export const targetUtilisation = 0.8;
export const staffingSpread = [0.85, 1.2] as const;

/** Cases: results late, refused, never collected; days until the applicant collects a result. */
export const caseLateShare = 0.07;
export const caseRefusedShare = 0.02;
export const resultNeverCollectedShare = 0.02;
export const collectDays = [0, 21] as const;

/** Ratings: of visits, and of cases at their result's issue. */
export const visitRatingShare = 0.11;
export const caseRatingShare = 0.04;
export const ratingSources = { kiosk: 0.45, sms: 0.3, qr: 0.15, email: 0.05, portal: 0.05 } as const;

/** A rater's overall mood: mostly satisfied; the distribution of the base score 1–5. */
export const moodShares = [0.02, 0.03, 0.07, 0.25, 0.63] as const;

export const praiseComments = [
  'Спасибо, всё быстро и вежливо',
  'Специалист всё подробно объяснил',
  'Удобно, что можно записаться заранее',
  'Хорошее обслуживание',
] as const;
export const complaintComments = [
  'Долго ждал в очереди',
  'Работало мало окон',
  'Специалист был невнимателен',
  'Не хватило информации о нужных документах',
  'Душно в зале ожидания',
  'Пришлось прийти второй раз',
] as const;
export const followUpOutcomes = [
  'Проведена беседа со специалистом',
  'Заявителю даны разъяснения по телефону',
  'Изменён график работы окон в часы пик',
  'Обновлена информация на стендах',
] as const;

/**
 * The statutory holidays (ТК РФ, ст. 112) for years the production calendar in the database does not cover,
 * so a history reaching back past it still closes on the New Year holidays and the national days.
 */
export function statutoryHolidays(year: number): string[] {
  const days = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08'];
  days.push('02-23', '03-08', '05-01', '05-09', '06-12', '11-04');
  return days.map((d) => `${year}-${d}`);
}

/** Default size: one year of the region ≈ this many visits. */
export const visitsPerYear = 2_000_000;
