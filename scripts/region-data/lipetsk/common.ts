/**
 * Helpers for writing the Lipetsk demo catalog compactly.
 * The output of the generator (regions/lipetsk/**.json) is what the product loads; these helpers only build it.
 */

export type Form = 'original' | 'copy' | 'original_and_copy';

export interface Doc {
  name: string;
  required: boolean;
  form: Form;
  note?: string;
}

export interface Stage {
  code: string;
  title: string;
  citizenText: string;
  notify: boolean;
  durationDays?: number;
}

export interface Service {
  code: string;
  title: string;
  shortTitle: string;
  description: string;
  agency: string;
  category: string;
  situations: string[];
  applicantKinds: ('person' | 'business')[];
  fee: { amount: number; note?: string } | null;
  term: { days: number; kind: 'working' | 'calendar' };
  keepResultDays?: number;
  documents: Doc[];
  results: string[];
  refusalReasons: string[];
  stages: Stage[];
  aliases: string[];
  popularity: number;
  status: 'draft' | 'published';
  remote: boolean;
}

/**
 * One document from a compact spec: "Name|form[?][#note]".
 * form: o = original, c = copy, oc = original and copy; "?" marks an optional document.
 * Without "|", the document is a required original.
 */
export function doc(spec: string): Doc {
  const hash = spec.indexOf('#');
  const note = hash >= 0 ? spec.slice(hash + 1).trim() : undefined;
  const head = hash >= 0 ? spec.slice(0, hash) : spec;
  const bar = head.lastIndexOf('|');
  const name = (bar >= 0 ? head.slice(0, bar) : head).trim();
  let flags = bar >= 0 ? head.slice(bar + 1).trim() : 'o';
  const optional = flags.endsWith('?');
  if (optional) flags = flags.slice(0, -1);
  const form: Form = flags === 'c' ? 'copy' : flags === 'oc' ? 'original_and_copy' : 'original';
  if (!['o', 'c', 'oc'].includes(flags)) throw new Error(`bad document spec: ${spec}`);
  return note ? { name, required: !optional, form, note } : { name, required: !optional, form };
}

export const docs = (...specs: string[]): Doc[] => specs.map(doc);

/** Term from "10w" (working days) or "30c" (calendar days). */
export function term(spec: string): { days: number; kind: 'working' | 'calendar' } {
  const m = /^(\d+)([wc])$/.exec(spec);
  if (!m) throw new Error(`bad term: ${spec}`);
  return { days: Number(m[1]), kind: m[2] === 'w' ? 'working' : 'calendar' };
}

// Documents that recur across services.
export const PASSPORT =
  'Паспорт гражданина Российской Федерации или иной документ, удостоверяющий личность|o';
export const PASSPORT_RF = 'Паспорт гражданина Российской Федерации|o';
export const PROXY =
  'Документ, подтверждающий полномочия представителя (нотариальная доверенность)|o?#при обращении представителя';
export const PROXY_ORG =
  'Документ, подтверждающий полномочия представителя юридического лица (доверенность, решение о назначении руководителя)|o?#при обращении от имени организации';
export const SNILS = 'СНИЛС заявителя|o?#запрашивается МФЦ, если не представлен';
export const BIRTH_CERT =
  'Свидетельство о рождении ребёнка|o#выданное компетентным органом иностранного государства — с нотариально заверенным переводом';
export const BANK =
  'Реквизиты счёта в кредитной организации для перечисления выплаты|c?#карта «Мир» или счёт в банке РФ';
export const INCOME =
  'Сведения о доходах членов семьи за 12 месяцев, не получаемые в порядке межведомственного взаимодействия|o?#например, алименты, доходы от частной практики';

// Stage routes (what the citizen sees on the status page).
export interface RouteOptions {
  /** Short agency name in the citizen texts, e.g. "Росреестр". */
  agency: string;
  /** Days for the agency's review (for the status forecast). */
  review?: number;
  /** An interagency (СМЭВ) request stage. */
  smev?: boolean;
  /** The result is a decision the agency sends itself (no document to collect). */
  decisionOnly?: boolean;
  /** A custom text for the review stage. */
  reviewText?: string;
}

/** "Госавтоинспекцию" → "Госавтоинспекция": the accusative agency phrases used here, back to the nominative. */
export function nominative(accusative: string): string {
  const words = accusative
    .split(' ')
    .map((w) => (w === 'службу' ? 'служба' : w.replace(/ую$/u, 'ая').replace(/ию$/u, 'ия')));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function route(o: RouteOptions): Stage[] {
  const stages: Stage[] = [
    {
      code: 'accepted',
      title: 'Приём документов',
      citizenText: 'Документы приняты в МФЦ',
      notify: true,
      durationDays: 0,
    },
    {
      code: 'sent',
      title: 'Передача в ведомство',
      citizenText: `Документы переданы в ${o.agency}`,
      notify: false,
      durationDays: 1,
    },
  ];
  if (o.smev) {
    stages.push({
      code: 'smev',
      title: 'Межведомственный запрос',
      citizenText: 'Запрошены сведения в других ведомствах — приносить их не нужно',
      notify: false,
      durationDays: 5,
    });
  }
  stages.push({
    code: 'review',
    title: 'Рассмотрение заявления',
    citizenText: o.reviewText ?? `${nominative(o.agency)} рассматривает заявление`,
    notify: true,
    ...(o.review !== undefined ? { durationDays: o.review } : {}),
  });
  if (o.decisionOnly) {
    stages.push({
      code: 'decided',
      title: 'Решение принято',
      citizenText: 'Решение принято, уведомление направлено вам по указанному способу связи',
      notify: true,
      durationDays: 0,
    });
  } else {
    stages.push(
      {
        code: 'ready',
        title: 'Результат в МФЦ',
        citizenText: 'Результат готов к выдаче в МФЦ',
        notify: true,
        durationDays: 1,
      },
      {
        code: 'issued',
        title: 'Выдача результата',
        citizenText: 'Результат выдан',
        notify: false,
        durationDays: 0,
      },
    );
  }
  return stages;
}

/** A service the МФЦ itself provides on the spot or within a day or two. */
export function routeMfc(text = 'Заявление обрабатывается специалистом МФЦ'): Stage[] {
  return [
    {
      code: 'accepted',
      title: 'Приём обращения',
      citizenText: 'Обращение принято в МФЦ',
      notify: true,
      durationDays: 0,
    },
    { code: 'processing', title: 'Обработка', citizenText: text, notify: false, durationDays: 0 },
    {
      code: 'issued',
      title: 'Выдача результата',
      citizenText: 'Результат выдан',
      notify: true,
      durationDays: 0,
    },
  ];
}

/** Applications that only pass through the МФЦ to the agency (notices, declarations). */
export function routeForward(agency: string): Stage[] {
  return [
    {
      code: 'accepted',
      title: 'Приём документов',
      citizenText: 'Документы приняты в МФЦ',
      notify: true,
      durationDays: 0,
    },
    {
      code: 'sent',
      title: 'Передача в ведомство',
      citizenText: `Документы переданы в ${agency}`,
      notify: true,
      durationDays: 1,
    },
    {
      code: 'registered',
      title: 'Регистрация в ведомстве',
      citizenText: `${agency}: документы зарегистрированы`,
      notify: false,
      durationDays: 1,
    },
  ];
}

/** A deterministic pseudo-random generator, so the generator's output is stable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
