/**
 * What the board says aloud for a call, in Russian: «Талон А семнадцать, окно пять» — pure, shared by the
 * speech synthesis and the prerecorded clips (each word one clip: `clipWords`).
 */

const units = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const teens = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const tens = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const hundreds = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];

/** The words of 0…999 («сто семнадцать»); larger numbers are read digit by digit. */
export function numberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a ticket or window number: ${n}`);
  if (n > 999)
    return String(n)
      .split('')
      .map((d) => units[Number(d)] as string);
  if (n === 0) return ['ноль'];
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) words.push(hundreds[h] as string);
  if (rest >= 10 && rest < 20) words.push(teens[rest - 10] as string);
  else {
    const t = Math.floor(rest / 10);
    const u = rest % 10;
    if (t > 0) words.push(tens[t] as string);
    if (u > 0) words.push(units[u] as string);
  }
  return words;
}

/** How a letter of a ticket is read («Б» → «бэ»). */
const letterNames: Record<string, string> = {
  А: 'а',
  Б: 'бэ',
  В: 'вэ',
  Г: 'гэ',
  Д: 'дэ',
  Е: 'е',
  Ж: 'жэ',
  З: 'зэ',
  И: 'и',
  К: 'ка',
  Л: 'эль',
  М: 'эм',
  Н: 'эн',
  О: 'о',
  П: 'пэ',
  Р: 'эр',
  С: 'эс',
  Т: 'тэ',
  У: 'у',
  Ф: 'эф',
  Х: 'ха',
  Ц: 'цэ',
  Ч: 'чэ',
  Ш: 'ша',
  Э: 'э',
  Ю: 'ю',
  Я: 'я',
};
export const spokenLetters = Object.keys(letterNames);

/** Split «А017» into its letter and number. */
export function splitTicketNumber(number: string): { letter: string; digits: number } {
  const match = /^(\p{L}*)\s*-?\s*(\d+)$/u.exec(number.trim());
  if (!match) throw new Error(`not a ticket number: ${number}`);
  return { letter: (match[1] ?? '').toUpperCase(), digits: Number(match[2]) };
}

/** The words said for a call, each a clip of its own: «талон», the letter, the number, «окно», the window. */
export function clipWords(number: string, window: number): string[] {
  const { letter, digits } = splitTicketNumber(number);
  const letterWords = letter.split('').map((l) => letterNames[l] ?? l.toLowerCase());
  return ['талон', ...letterWords, ...numberWords(digits), 'окно', ...numberWords(window)];
}

/** The sentence for speech synthesis: «Талон А семнадцать, окно пять». */
export function spokenCall(number: string, window: number): string {
  const { letter, digits } = splitTicketNumber(number);
  return `Талон ${letter} ${numberWords(digits).join(' ')}, окно ${numberWords(window).join(' ')}`;
}
