import { formatSnils, isValidInn, isValidOgrn, isValidSnils, snilsDigits } from './case-checksums.js';

/** Every number that differs from `value` in exactly its digit at `index`. */
const variantsAt = (value: string, index: number) =>
  Array.from({ length: 9 }, (_, k) => {
    const d = (Number(value[index]) + k + 1) % 10;
    return value.slice(0, index) + d + value.slice(index + 1);
  });

describe('ИНН', () => {
  // Sberbank's ИНН (an organisation, 10 digits); a person's ИНН (12 digits, two check digits).
  const org = ['7707083893', '4824041235'];
  const person = ['500100732259', '482500012306'];

  it('accepts valid 10- and 12-digit numbers', () => {
    for (const inn of [...org, ...person]) expect(isValidInn(inn), inn).toBe(true);
  });

  it('refuses every other last (check) digit', () => {
    for (const inn of [...org, ...person])
      for (const wrong of variantsAt(inn, inn.length - 1)) expect(isValidInn(wrong), wrong).toBe(false);
    // a 12-digit number's first check digit (the 11th) too
    for (const inn of person) {
      const wrongEleventh = variantsAt(inn, 10);
      expect(wrongEleventh.filter(isValidInn)).toEqual([]);
    }
  });

  it('refuses typos in the body: one digit off, two digits swapped', () => {
    expect(isValidInn('7707083883')).toBe(false);
    expect(isValidInn('7707038893')).toBe(false);
    expect(isValidInn('8707083893')).toBe(false);
    expect(isValidInn('500100732249')).toBe(false);
    expect(isValidInn('500100372259')).toBe(false);
    // most one-digit typos anywhere are caught (a mod-11 sum folded to one digit misses some)
    const typos = [...org, ...person].flatMap((inn) =>
      Array.from({ length: inn.length }, (_, i) => variantsAt(inn, i)).flat(),
    );
    expect(typos.filter(isValidInn).length / typos.length).toBeLessThan(0.1);
  });

  it('refuses wrong lengths and anything but digits', () => {
    for (const bad of [
      '',
      '770708389',
      '77070838930',
      '7707083893 ',
      ' 7707083893',
      '77070838-3',
      'abcdefghij',
      '5001007322590',
      '７７０７０８３８９３',
    ])
      expect(isValidInn(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('ОГРН and ОГРНИП', () => {
  const ogrn = ['1027700132195', '1144825001232'];
  const ogrnip = ['304482600000120', '304500116000157'];

  it('accepts valid 13-digit ОГРН and 15-digit ОГРНИП', () => {
    for (const n of [...ogrn, ...ogrnip]) expect(isValidOgrn(n), n).toBe(true);
  });

  it('refuses every other check digit, and typos in the body', () => {
    for (const n of [...ogrn, ...ogrnip])
      for (const wrong of variantsAt(n, n.length - 1)) expect(isValidOgrn(wrong), wrong).toBe(false);
    expect(isValidOgrn('1027700132295')).toBe(false);
    expect(isValidOgrn('1027700123195')).toBe(false);
    expect(isValidOgrn('304482600000220')).toBe(false);
  });

  it('checks a 15-digit number mod 13, not mod 11 (a 13-digit rule applied to 15 digits fails)', () => {
    // 30448260000012 mod 11 = 3, mod 13 = 2 (the check digit): the number passes only by its own rule
    expect(30448260000012n % 11n).not.toBe(2n);
    expect(isValidOgrn('304482600000120')).toBe(true);
    expect(isValidOgrn(`30448260000012${(30448260000012n % 11n) % 10n}`)).toBe(false);
  });

  it('a check digit from a remainder of 10 is 0', () => {
    // find a 13-digit body whose remainder mod 11 is 10, then its number ends in 0
    let body = 102770013219n;
    while (body % 11n !== 10n) body += 1n;
    expect(isValidOgrn(`${body}0`)).toBe(true);
    expect(isValidOgrn(`${body}1`)).toBe(false);
  });

  it('refuses 14 digits, 12, 16, letters and spaces', () => {
    for (const bad of [
      '',
      '102770013219',
      '10277001321950',
      '3044826000001200',
      '1027700 132195',
      '102770013219O',
    ])
      expect(isValidOgrn(bad), bad).toBe(false);
  });
});

describe('СНИЛС', () => {
  it('accepts a valid number as digits, printed with dashes and a space, or with stray spaces', () => {
    expect(isValidSnils('11223344595')).toBe(true);
    expect(isValidSnils('112-233-445 95')).toBe(true);
    expect(isValidSnils(' 112 233 445 95 ')).toBe(true);
    expect(snilsDigits('112-233-445 95')).toBe('11223344595');
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });

  it('refuses every other check number and a typo in the body', () => {
    for (const wrong of variantsAt('11223344595', 10)) expect(isValidSnils(wrong), wrong).toBe(false);
    for (const wrong of variantsAt('11223344595', 9)) expect(isValidSnils(wrong), wrong).toBe(false);
    expect(isValidSnils('11223344495')).toBe(false);
    expect(isValidSnils('12123344595')).toBe(false);
  });

  it('a weighted sum of 100 or 101 gives the check number 00', () => {
    // 001-019-989: 1·7 + 1·5 + 9·4 + 9·3 + 8·2 + 9·1 = 100
    expect(isValidSnils('001-019-989 00')).toBe(true);
    expect(isValidSnils('001-019-989 99')).toBe(false);
    expect(isValidSnils('00101998901')).toBe(false);
    // 001-019-998: … = 101
    expect(isValidSnils('00101999800')).toBe(true);
    expect(isValidSnils('00101999801')).toBe(false);
  });

  it('a sum over 101 is taken mod 101, and a remainder of 100 is 00 too', () => {
    // 100-166-299: sum 102 → 01
    expect(isValidSnils('10016629901')).toBe(true);
    expect(isValidSnils('10016629902')).toBe(false);
    // 106-897-449: sum 201 → 201 mod 101 = 100 → 00
    expect(isValidSnils('10689744900')).toBe(true);
    expect(isValidSnils('10689744999')).toBe(false);
  });

  it('takes old numbers (up to 001-001-998, issued before check numbers) as they are', () => {
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('001-001-998 73')).toBe(true);
    expect(isValidSnils('000-000-001 99')).toBe(true);
    // the first number after them is checked: 1·7 + 1·4 + 9·3 + 9·2 + 9·1 = 65
    expect(isValidSnils('001-001-999 65')).toBe(true);
    expect(isValidSnils('001-001-999 00')).toBe(false);
  });

  it('refuses anything but 11 digits', () => {
    for (const bad of [
      '',
      '1122334459',
      '112233445950',
      '112.233.445 95',
      'abc-def-ghi jk',
      '112_233_445_95',
    ])
      expect(isValidSnils(bad), bad).toBe(false);
    expect(snilsDigits('1122334459')).toBeNull();
  });
});
