/**
 * Month and weekday names written out (not Intl's locale data), so a printed document or a message reads the
 * same on every Node.js build (ICU versions differ in spaces and abbreviations). I/O-free.
 */

/** «1 декабря»: the genitive, as a Russian date is written. */
export const monthsRuGenitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
export const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Jan, Feb…: every character counts in an SMS. */
export const monthsEnShort = monthsEn.map((m) => m.slice(0, 3));

/** Sunday first, as Date's getUTCDay counts. */
export const weekdaysRu = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
export const weekdaysEn = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
