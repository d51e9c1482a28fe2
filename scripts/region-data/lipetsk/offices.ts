/** Offices of the Lipetsk demo region: main centers, remote offices (ТОСП) and kiosks. */
import { rng, type Service } from './common';

interface Hours {
  weekday: number;
  opens: string;
  closes: string;
  breakStart?: string;
  breakEnd?: string;
}
interface Window {
  number: number;
  label: string;
  services: string[];
  categories: string[];
}
interface Exception {
  date: string;
  kind: 'closed' | 'hours';
  opens?: string;
  closes?: string;
  note?: string;
}
export interface Office {
  code: string;
  name: string;
  kind: 'main' | 'remote' | 'kiosk';
  district: string;
  address: string;
  lat: number;
  lon: number;
  phone: string;
  windows: Window[];
  hours: Hours[];
  exceptions: Exception[];
  services: 'all' | string[];
}

const days = (list: number[], opens: string, closes: string, brk?: [string, string]): Hours[] =>
  list.map((weekday) => ({
    weekday,
    opens,
    closes,
    ...(brk ? { breakStart: brk[0], breakEnd: brk[1] } : {}),
  }));

const WEEKDAYS = [1, 2, 3, 4, 5];

/** Big city centers: Mon–Fri 08:00–20:00, Sat 09:00–15:00. */
const CITY_FLAGSHIP: Hours[] = [...days(WEEKDAYS, '08:00', '20:00'), ...days([6], '09:00', '15:00')];
/** Other city centers: 08:00–18:00, Wednesday until 20:00, Saturday 09:00–14:00. */
const CITY_BRANCH: Hours[] = [
  ...days([1, 2], '08:00', '18:00'),
  ...days([3], '08:00', '20:00'),
  ...days([4, 5], '08:00', '18:00'),
  ...days([6], '09:00', '14:00'),
];
/** Rural centers in districts over 25 000 people: 6 days, 10 hours, one evening until 20:00. */
const RURAL_LARGE: Hours[] = [
  ...days([1, 2, 4, 5], '08:00', '18:00'),
  ...days([3], '08:00', '20:00'),
  ...days([6], '09:00', '13:00'),
];
/** Rural centers in districts up to 25 000 people: 5 days with a lunch break. */
const RURAL_SMALL: Hours[] = days(WEEKDAYS, '08:00', '17:00', ['12:00', '12:48']);

const REMOTE_PATTERNS: Hours[][] = [
  days([2, 4], '09:00', '13:00'),
  days([1, 3, 5], '09:00', '13:00'),
  days(WEEKDAYS, '08:00', '12:00'),
  days([2, 3, 4], '09:00', '16:00', ['12:00', '13:00']),
  [...days([3], '09:00', '13:00'), ...days([5], '13:00', '17:00')],
];
/** Remote offices in large villages: full working week. */
const REMOTE_FULL: Hours[] = days(WEEKDAYS, '08:00', '17:00', ['12:00', '13:00']);
const KIOSK_HOURS: Hours[] = days(WEEKDAYS, '08:00', '17:00', ['12:00', '13:00']);

const w = (
  number: number,
  label?: string,
  opts: { services?: string[]; categories?: string[] } = {},
): Window => ({
  number,
  label: label ?? `Окно ${number}`,
  services: opts.services ?? [],
  categories: opts.categories ?? [],
});

const PASSPORT_SERVICES = [
  'passport-rf-14',
  'passport-rf-replace',
  'passport-rf-lost',
  'registration-residence',
  'registration-stay',
  'deregistration-residence',
];
const BIOMETRIC = ['zagran-new', 'zagran-new-child'];

function cityWindows(count: number): Window[] {
  const list: Window[] = [];
  const add = (label?: (n: number) => string, opts?: { services?: string[]; categories?: string[] }) => {
    const n = list.length + 1;
    list.push(w(n, label?.(n), opts));
  };
  const general = Math.max(2, count - 10);
  for (let i = 0; i < general; i++) add();
  const realty = count >= 20 ? 4 : count >= 12 ? 2 : 1;
  for (let i = 0; i < realty; i++)
    add((n) => `Окно ${n} — Росреестр, недвижимость`, { categories: ['realty'] });
  add((n) => `Окно ${n} — паспорта и регистрация`, { services: PASSPORT_SERVICES });
  if (count >= 12) {
    add((n) => `Окно ${n} — загранпаспорта (биометрия)`, { services: BIOMETRIC });
    add((n) => `Окно ${n} — бизнес`, { categories: ['business', 'taxes', 'licences'] });
  }
  if (count >= 14)
    add((n) => `Окно ${n} — соцподдержка, пенсии, семья`, { categories: ['social', 'pension', 'family'] });
  while (list.length < count - 1) add();
  add((n) => `Окно ${n} — выдача результатов`);
  return list;
}

function ruralWindows(count: number): Window[] {
  const list: Window[] = [w(1, 'Окно 1 — Росреестр, земля', { categories: ['realty', 'construction'] })];
  while (list.length < count - 1) list.push(w(list.length + 1));
  list.push(w(count, `Окно ${count} — выдача результатов`));
  return list;
}

interface MainSpec {
  code: string;
  name: string;
  district: string;
  address: string;
  lat: number;
  lon: number;
  phone: string;
  windows: number;
  hours: Hours[];
  exceptions?: Exception[];
}

const SANITARY_DAY: Exception = { date: '2026-12-15', kind: 'closed', note: 'Санитарный день' };
const NEW_YEAR_EVE: Exception = {
  date: '2026-12-30',
  kind: 'hours',
  opens: '08:00',
  closes: '16:00',
  note: 'Сокращённый предновогодний день',
};

const cityMain: MainSpec[] = [
  {
    code: 'lip-kosmonavtov',
    name: 'МФЦ г. Липецка — отдел на ул. Космонавтов',
    district: 'lipetsk-city',
    address: 'г. Липецк, ул. Космонавтов, д. 56а',
    lat: 52.5985,
    lon: 39.5612,
    phone: '+7 (4742) 25-00-01',
    windows: 30,
    hours: CITY_FLAGSHIP,
    exceptions: [NEW_YEAR_EVE],
  },
  {
    code: 'lip-teatralnaya',
    name: 'МФЦ г. Липецка — отдел на Театральной площади',
    district: 'lipetsk-city',
    address: 'г. Липецк, пл. Театральная, д. 3',
    lat: 52.6112,
    lon: 39.5968,
    phone: '+7 (4742) 25-00-02',
    windows: 20,
    hours: CITY_FLAGSHIP,
    exceptions: [NEW_YEAR_EVE],
  },
  {
    code: 'lip-studgorodok',
    name: 'МФЦ г. Липецка — отдел на ул. Студенческий городок',
    district: 'lipetsk-city',
    address: 'г. Липецк, ул. Студенческий городок, д. 12',
    lat: 52.5935,
    lon: 39.5264,
    phone: '+7 (4742) 25-00-03',
    windows: 14,
    hours: CITY_BRANCH,
    exceptions: [
      NEW_YEAR_EVE,
      {
        date: '2026-08-14',
        kind: 'closed',
        note: 'Технические работы: замена оборудования электронной очереди',
      },
    ],
  },
  {
    code: 'lip-katukova',
    name: 'МФЦ г. Липецка — отдел на ул. Катукова',
    district: 'lipetsk-city',
    address: 'г. Липецк, ул. Катукова, д. 51',
    lat: 52.6469,
    lon: 39.5187,
    phone: '+7 (4742) 25-00-04',
    windows: 16,
    hours: CITY_BRANCH,
    exceptions: [NEW_YEAR_EVE, SANITARY_DAY],
  },
  {
    code: 'lip-levoberezhny',
    name: 'МФЦ г. Липецка — отдел в Левобережном округе',
    district: 'lipetsk-city',
    address: 'г. Липецк, ул. Адмирала Макарова, д. 1е',
    lat: 52.6203,
    lon: 39.6381,
    phone: '+7 (4742) 25-00-05',
    windows: 10,
    hours: CITY_BRANCH,
    exceptions: [NEW_YEAR_EVE],
  },
  {
    code: 'elets-oktyabrskaya',
    name: 'МФЦ г. Ельца — отдел на ул. Октябрьской',
    district: 'elets-city',
    address: 'г. Елец, ул. Октябрьская, д. 127',
    lat: 52.6236,
    lon: 38.5037,
    phone: '+7 (47467) 2-20-01',
    windows: 14,
    hours: CITY_FLAGSHIP,
    exceptions: [NEW_YEAR_EVE],
  },
  {
    code: 'elets-kommunarov',
    name: 'МФЦ г. Ельца — отдел на ул. Коммунаров',
    district: 'elets-city',
    address: 'г. Елец, ул. Коммунаров, д. 28',
    lat: 52.6152,
    lon: 38.4926,
    phone: '+7 (47467) 2-20-02',
    windows: 6,
    hours: CITY_BRANCH,
    exceptions: [NEW_YEAR_EVE, SANITARY_DAY],
  },
];

interface RuralSpec {
  district: string;
  /** Genitive of the district for names: "Грязинского района". */
  gen: string;
  /** Short code prefix. */
  prefix: string;
  /** Short district name for addresses, e.g. "Грязинский р-н". */
  area: string;
  center: string;
  street: string;
  lat: number;
  lon: number;
  phoneCode: string;
  population: number;
  villages: string[];
  kiosk?: string;
}

const rural: RuralSpec[] = [
  {
    district: 'lipetsky',
    gen: 'Липецкого района',
    prefix: 'lipr',
    area: 'Липецкий р-н',
    center: 'с. Боринское',
    street: 'ул. Советская, д. 39',
    lat: 52.505,
    lon: 39.372,
    phoneCode: '4742',
    population: 58_900,
    villages: [
      'с. Сенцово',
      'с. Ленино',
      'с. Большая Кузьминка',
      'с. Частая Дубрава',
      'с. Сырское',
      'с. Троицкое',
      'с. Вербилово',
      'с. Тележенка',
      'с. Ильино',
      'с. Хрущёвка',
      'с. Кулешовка',
      'с. Косыревка',
    ],
    kiosk: 'с. Подгорное',
  },
  {
    district: 'gryazinsky',
    gen: 'Грязинского района',
    prefix: 'gryazi',
    area: 'Грязинский р-н',
    center: 'г. Грязи',
    street: 'ул. Красная площадь, д. 35',
    lat: 52.4963,
    lon: 39.9347,
    phoneCode: '47461',
    population: 76_500,
    villages: [
      'с. Кузьминские Отвержки',
      'с. Казинка',
      'с. Ярлуково',
      'с. Бутырки',
      'с. Двуречки',
      'с. Фащёвка',
      'с. Плеханово',
      'с. Карамышево',
      'с. Сошки',
      'с. Большой Самовец',
      'с. Петровка',
      'с. Синявка',
    ],
    kiosk: 'с. Коробовка',
  },
  {
    district: 'usmansky',
    gen: 'Усманского района',
    prefix: 'usman',
    area: 'Усманский р-н',
    center: 'г. Усмань',
    street: 'ул. Ленина, д. 40',
    lat: 52.0447,
    lon: 39.7378,
    phoneCode: '47472',
    population: 45_300,
    villages: [
      'с. Девица',
      'с. Пригородка',
      'с. Октябрьское',
      'с. Поддубровка',
      'с. Никольское',
      'с. Излегоще',
      'с. Куликово',
      'с. Кривка',
      'с. Бреславка',
    ],
    kiosk: 'с. Дрязги',
  },
  {
    district: 'lebedyansky',
    gen: 'Лебедянского района',
    prefix: 'lebedyan',
    area: 'Лебедянский р-н',
    center: 'г. Лебедянь',
    street: 'ул. Л. Толстого, д. 10',
    lat: 53.0153,
    lon: 39.1502,
    phoneCode: '47466',
    population: 37_800,
    villages: [
      'с. Куймань',
      'п. Агроном',
      'с. Докторово',
      'с. Ксизово',
      'с. Большое Попово',
      'с. Мокрое',
      'с. Знаменка',
      'с. Куликовка',
    ],
  },
  {
    district: 'dobrinsky',
    gen: 'Добринского района',
    prefix: 'dobrinka',
    area: 'Добринский р-н',
    center: 'п. Добринка',
    street: 'ул. Октябрьская, д. 14',
    lat: 52.1686,
    lon: 40.3862,
    phoneCode: '47462',
    population: 32_400,
    villages: [
      'с. Талицкий Чамлык',
      'с. Пушкино',
      'с. Верхняя Матрёнка',
      'с. Березнеговатка',
      'ж.-д. ст. Хворостянка',
      'с. Новочеркутино',
      'с. Каверино',
    ],
    kiosk: 'с. Нижняя Матрёнка',
  },
  {
    district: 'zadonsky',
    gen: 'Задонского района',
    prefix: 'zadonsk',
    area: 'Задонский р-н',
    center: 'г. Задонск',
    street: 'ул. Советская, д. 1',
    lat: 52.3981,
    lon: 38.9214,
    phoneCode: '47471',
    population: 32_100,
    villages: [
      'с. Донское',
      'с. Хмелинец',
      'с. Кашары',
      'с. Скорняково',
      'с. Паршиновка',
      'с. Ольшанец',
      'с. Верхнее Казачье',
    ],
  },
  {
    district: 'eletsky',
    gen: 'Елецкого района',
    prefix: 'eletsr',
    area: 'Елецкий р-н',
    center: 'п. Газопровод',
    street: 'ул. Мира, д. 5',
    lat: 52.5742,
    lon: 38.4718,
    phoneCode: '47467',
    population: 28_600,
    villages: [
      'с. Казаки',
      'с. Малая Боёвка',
      'с. Пищулино',
      'с. Голиково',
      'с. Талица',
      'с. Лавы',
      'с. Нижний Воргол',
    ],
    kiosk: 'п. Соколье',
  },
  {
    district: 'dankovsky',
    gen: 'Данковского района',
    prefix: 'dankov',
    area: 'Данковский р-н',
    center: 'г. Данков',
    street: 'ул. Карла Маркса, д. 8',
    lat: 53.2575,
    lon: 39.1452,
    phoneCode: '47465',
    population: 30_800,
    villages: [
      'с. Баловнёво',
      'с. Бигильдино',
      'с. Полибино',
      'с. Спешнёво-Ивановское',
      'с. Воскресенское',
      'с. Перехваль',
    ],
  },
  {
    district: 'chaplyginsky',
    gen: 'Чаплыгинского района',
    prefix: 'chaplygin',
    area: 'Чаплыгинский р-н',
    center: 'г. Чаплыгин',
    street: 'ул. Советская, д. 29',
    lat: 53.2413,
    lon: 39.9667,
    phoneCode: '47475',
    population: 26_900,
    villages: [
      'с. Троекурово',
      'с. Колыбельское',
      'с. Буховое',
      'с. Зенкино',
      'с. Кривополянье',
      'с. Соловое',
    ],
    kiosk: 'с. Дёмкино',
  },
  {
    district: 'dobrovsky',
    gen: 'Добровского округа',
    prefix: 'dobroe',
    area: 'Добровский м. о.',
    center: 'с. Доброе',
    street: 'пл. Октябрьская, д. 9',
    lat: 52.9757,
    lon: 39.7733,
    phoneCode: '47463',
    population: 22_300,
    villages: ['с. Борисовка', 'с. Кривец', 'с. Каликино', 'с. Трубетчино', 'с. Махоново', 'с. Панино'],
  },
  {
    district: 'terbunsky',
    gen: 'Тербунского округа',
    prefix: 'terbuny',
    area: 'Тербунский м. о.',
    center: 'с. Тербуны',
    street: 'ул. Октябрьская, д. 15',
    lat: 52.1468,
    lon: 38.2804,
    phoneCode: '47474',
    population: 21_600,
    villages: ['с. Вторые Тербуны', 'с. Борки', 'с. Солдатское', 'с. Ржавец', 'с. Бурдино', 'с. Тульское'],
  },
  {
    district: 'khlevensky',
    gen: 'Хлевенского округа',
    prefix: 'khlevnoe',
    area: 'Хлевенский м. о.',
    center: 'с. Хлевное',
    street: 'ул. Свободы, д. 36',
    lat: 52.2017,
    lon: 39.0924,
    phoneCode: '47477',
    population: 17_400,
    villages: ['с. Конь-Колодезь', 'с. Дмитряшевка', 'с. Синдякино', 'с. Елец-Лозовка', 'с. Введенка'],
    kiosk: 'с. Отскочное',
  },
  {
    district: 'stanovlyansky',
    gen: 'Становлянского округа',
    prefix: 'stanovoe',
    area: 'Становлянский м. о.',
    center: 'с. Становое',
    street: 'ул. Советская, д. 24',
    lat: 52.7694,
    lon: 38.3372,
    phoneCode: '47476',
    population: 15_400,
    villages: ['с. Толстое', 'с. Пална-Михайловка', 'с. Лукьяновка', 'с. Злобино', 'с. Ольховец'],
  },
  {
    district: 'dolgorukovsky',
    gen: 'Долгоруковского района',
    prefix: 'dolgorukovo',
    area: 'Долгоруковский р-н',
    center: 'с. Долгоруково',
    street: 'ул. Тимирязева, д. 4',
    lat: 52.3332,
    lon: 38.3568,
    phoneCode: '47468',
    population: 15_100,
    villages: ['с. Стегаловка', 'с. Вязовое', 'с. Большая Боёвка', 'с. Меньшой Колодезь', 'с. Братовщина'],
  },
  {
    district: 'izmalkovsky',
    gen: 'Измалковского округа',
    prefix: 'izmalkovo',
    area: 'Измалковский м. о.',
    center: 'с. Измалково',
    street: 'ул. Ленина, д. 16',
    lat: 52.5353,
    lon: 38.2078,
    phoneCode: '47478',
    population: 14_200,
    villages: ['с. Чернава', 'с. Афанасьево', 'с. Лебяжье', 'с. Пречистое', 'с. Домовино'],
  },
  {
    district: 'lev-tolstovsky',
    gen: 'Лев-Толстовского округа',
    prefix: 'lev-tolstoy',
    area: 'Лев-Толстовский м. о.',
    center: 'п. Лев Толстой',
    street: 'ул. Володарского, д. 22',
    lat: 53.2108,
    lon: 39.4447,
    phoneCode: '47464',
    population: 14_300,
    villages: ['с. Гагарино', 'с. Золотуха', 'с. Топки', 'с. Домачи', 'с. Новочемоданово'],
  },
  {
    district: 'krasninsky',
    gen: 'Краснинского округа',
    prefix: 'krasnoe',
    area: 'Краснинский м. о.',
    center: 'с. Красное',
    street: 'ул. Октябрьская, д. 20',
    lat: 52.9497,
    lon: 38.5227,
    phoneCode: '47469',
    population: 11_000,
    villages: ['с. Гудаловка', 'с. Суходол', 'с. Яблонево', 'с. Решетово-Дуброво'],
  },
  {
    district: 'volovsky',
    gen: 'Воловского округа',
    prefix: 'volovo',
    area: 'Воловский м. о.',
    center: 'с. Волово',
    street: 'ул. Ленина, д. 8',
    lat: 52.0372,
    lon: 37.8836,
    phoneCode: '47473',
    population: 11_200,
    villages: ['с. Замарайка', 'с. Захаровка', 'с. Набережное', 'с. Верхнее Чесночное'],
  },
];

const STREETS = [
  'ул. Центральная',
  'ул. Советская',
  'ул. Школьная',
  'ул. Ленина',
  'ул. Молодёжная',
  'ул. Садовая',
  'ул. Мира',
  'ул. Октябрьская',
];

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export function translit(name: string): string {
  const bare = name.replace(/^(с\.|п\.|ж\.-д\. ст\.|г\.)\s*/u, '').toLowerCase();
  let out = '';
  for (const ch of bare) out += TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '-');
  return out.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

function phone(code: string, n: number): string {
  const a = String(10 + ((n * 13) % 90));
  const b = String((n * 37) % 100).padStart(2, '0');
  return code === '4742' ? `+7 (4742) 78-${a}-${b}` : `+7 (${code}) 2-${a}-${b}`;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function buildOffices(services: Service[]): { main: Office[]; remote: Office[]; kiosks: Office[] } {
  const remoteCodes = services
    .filter((s) => s.remote && s.status === 'published')
    .sort((a, b) => b.popularity - a.popularity)
    .map((s) => s.code);
  const remoteCore = remoteCodes.slice(0, 50);

  const main: Office[] = cityMain.map((m) => ({
    code: m.code,
    name: m.name,
    kind: 'main',
    district: m.district,
    address: m.address,
    lat: m.lat,
    lon: m.lon,
    phone: m.phone,
    windows: cityWindows(m.windows),
    hours: m.hours,
    exceptions: m.exceptions ?? [],
    services: 'all',
  }));

  const remote: Office[] = [];
  const kiosks: Office[] = [];
  const sanitaryDistricts = new Set(['usmansky', 'zadonsky', 'terbunsky', 'krasninsky']);
  let phoneN = 1;
  for (const r of rural) {
    const large = r.population > 25_000;
    const windows = r.population > 40_000 ? 6 : large ? 5 : r.population > 15_000 ? 4 : 3;
    main.push({
      code: `${r.prefix}-main`,
      name: `МФЦ ${r.gen}`,
      kind: 'main',
      district: r.district,
      address: `${r.area}, ${r.center}, ${r.street}`,
      lat: r.lat,
      lon: r.lon,
      phone: phone(r.phoneCode, phoneN++),
      windows: ruralWindows(windows),
      hours: large ? RURAL_LARGE : RURAL_SMALL,
      exceptions: sanitaryDistricts.has(r.district) ? [SANITARY_DAY] : [],
      services: 'all',
    });
    const rand = rng(r.lat * 1000 + r.lon);
    r.villages.forEach((v, i) => {
      const fullWeek = large && i < 2;
      const pattern = fullWeek
        ? REMOTE_FULL
        : REMOTE_PATTERNS[(i + r.villages.length) % REMOTE_PATTERNS.length];
      const short = pattern.length <= 2;
      const street = STREETS[Math.floor(rand() * STREETS.length)];
      const house = 1 + Math.floor(rand() * 60);
      remote.push({
        code: `${r.prefix}-${translit(v)}`,
        name: `ТОСП ${v}`,
        kind: 'remote',
        district: r.district,
        address: `${r.area}, ${v}, ${street}, д. ${house} (здание администрации сельского поселения)`,
        lat: round(clamp(r.lat + (rand() - 0.5) * 0.24, 51.9, 53.6)),
        lon: round(clamp(r.lon + (rand() - 0.5) * 0.36, 37.6, 40.45)),
        phone: phone(r.phoneCode, phoneN++),
        windows: fullWeek ? [w(1), w(2)] : [w(1)],
        hours: pattern,
        exceptions:
          i === 0 && sanitaryDistricts.has(r.district)
            ? [{ date: '2026-12-15', kind: 'closed', note: 'Санитарный день' }]
            : i === 1 && large
              ? [
                  {
                    date: '2026-12-30',
                    kind: 'hours',
                    opens: '08:00',
                    closes: '12:00',
                    note: 'Сокращённый предновогодний день',
                  },
                ]
              : [],
        services: short ? remoteCore : remoteCodes,
      });
    });
    if (r.kiosk) {
      kiosks.push({
        code: `${r.prefix}-${translit(r.kiosk)}-kiosk`,
        name: `Инфомат, ${r.kiosk}`,
        kind: 'kiosk',
        district: r.district,
        address: `${r.area}, ${r.kiosk}, ${STREETS[Math.floor(rand() * STREETS.length)]}, д. ${1 + Math.floor(rand() * 40)} (здание администрации сельского поселения)`,
        lat: round(clamp(r.lat + (rand() - 0.5) * 0.2, 51.9, 53.6)),
        lon: round(clamp(r.lon + (rand() - 0.5) * 0.3, 37.6, 40.45)),
        phone: phone(r.phoneCode, phoneN++),
        windows: [],
        hours: KIOSK_HOURS,
        exceptions: [],
        services: [
          'mfc-payments',
          'traffic-fines-info',
          'doctor-appointment',
          'labour-market-info',
          'mfc-consultation',
        ],
      });
    }
  }
  for (const o of [...main, ...remote, ...kiosks]) {
    o.hours = [...o.hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  }
  return { main, remote, kiosks };
}
