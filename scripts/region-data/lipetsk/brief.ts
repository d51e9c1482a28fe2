/**
 * A compact builder for the long tail of the catalog: services with a short document list and a standard route.
 */
import {
  docs,
  PASSPORT,
  PROXY,
  PROXY_ORG,
  route,
  routeForward,
  routeMfc,
  type Service,
  term,
} from './common';
import { agencies } from './taxonomy';

/** std: result collected at the МФЦ; decision: the agency notifies the decision; forward: МФЦ only passes on; mfc: done on the spot. */
export type RouteKind = 'std' | 'decision' | 'forward' | 'mfc';

export interface BriefOptions {
  /** remote offices (ТОСП) offer it */
  r?: boolean;
  /** life situations */
  s?: string[];
  /** fee: a number, or [amount, note] */
  f?: number | [number, string];
  /** extra documents (specs for doc()) */
  d?: string[];
  /** aliases */
  a?: string[];
  desc?: string;
  /** term like "10w" / "30c" */
  t?: string;
  ag?: string;
  cat?: string;
  rt?: RouteKind;
  smev?: boolean;
  /** results */
  res?: string[];
  refusals?: string[];
  /** applicants: "both" (person and business) or "biz" (business only) */
  b?: 'both' | 'biz' | 'person';
  draft?: boolean;
  keep?: number;
}

export type BriefItem = [
  code: string,
  title: string,
  shortTitle: string,
  popularity: number,
  opts?: BriefOptions,
];

interface GroupDefaults {
  cat: string;
  ag: string;
  t: string;
  rt?: RouteKind;
  smev?: boolean;
  b?: 'both' | 'biz' | 'person';
}

const agencyByCode = new Map(agencies.map((a) => [a.code, a]));

const DEFAULT_RESULTS: Record<RouteKind, string[]> = {
  std: ['Документ — результат предоставления услуги', 'Уведомление об отказе в предоставлении услуги'],
  decision: ['Решение о предоставлении услуги (уведомление)', 'Решение об отказе в предоставлении услуги'],
  forward: ['Расписка в приёме документов; документы переданы в ведомство'],
  mfc: ['Результат выдаётся при обращении'],
};

const DEFAULT_REFUSALS: Record<RouteKind, string[]> = {
  std: [
    'Непредставление документов, которые заявитель обязан представить',
    'Представленные документы содержат недостоверные или противоречивые сведения',
    'Заявитель не относится к кругу лиц, имеющих право на получение услуги',
  ],
  decision: [
    'Отсутствие у заявителя права на получение услуги',
    'Непредставление документов, которые заявитель обязан представить',
    'Представление недостоверных сведений',
  ],
  forward: ['Документы не соответствуют установленной форме или заполнены не полностью'],
  mfc: ['Непредставление документа, удостоверяющего личность'],
};

function describe(short: string, to: string, rt: RouteKind): string {
  switch (rt) {
    case 'std':
      return `${short}. МФЦ принимает заявление и документы и передаёт их в ${to}; готовый результат выдаётся в МФЦ, где подано заявление.`;
    case 'decision':
      return `${short}. МФЦ принимает заявление и передаёт его в ${to}; о решении вам сообщат по выбранному способу связи.`;
    case 'forward':
      return `${short}. МФЦ принимает документы и не позднее следующего рабочего дня передаёт их в ${to}.`;
    case 'mfc':
      return `${short}. Услугу оказывает специалист МФЦ при обращении.`;
  }
}

export function group(def: GroupDefaults, items: BriefItem[]): Service[] {
  return items.map(([code, title, shortTitle, popularity, o = {}]) => {
    const agCode = o.ag ?? def.ag;
    const ag = agencyByCode.get(agCode);
    if (!ag) throw new Error(`${code}: unknown agency ${agCode}`);
    const rt = o.rt ?? def.rt ?? 'std';
    const b = o.b ?? def.b;
    const applicantKinds: ('person' | 'business')[] =
      b === 'biz' ? ['business'] : b === 'both' ? ['person', 'business'] : ['person'];
    const t = term(o.t ?? def.t);
    const review =
      t.kind === 'working' ? Math.max(0, t.days - 2) : Math.max(0, Math.round((t.days * 5) / 7) - 2);
    const stages =
      rt === 'mfc'
        ? routeMfc()
        : rt === 'forward'
          ? routeForward(ag.to)
          : route({ agency: ag.to, review, smev: o.smev ?? def.smev, decisionOnly: rt === 'decision' });
    const documents = docs(
      b === 'biz'
        ? 'Заявление (запрос) о предоставлении услуги|o#заполняется специалистом МФЦ или представляется организацией'
        : 'Заявление о предоставлении услуги|o#заполняется специалистом МФЦ',
      b === 'biz' ? 'Документ, удостоверяющий личность представителя организации|o' : PASSPORT,
      ...(o.d ?? []),
      ...(b === 'biz' ? [PROXY_ORG] : b === 'both' ? [PROXY, PROXY_ORG] : [PROXY]),
    );
    const fee =
      o.f === undefined ? null : typeof o.f === 'number' ? { amount: o.f } : { amount: o.f[0], note: o.f[1] };
    const keep = o.keep ?? (rt === 'std' ? 30 : undefined);
    const s: Service = {
      code,
      title,
      shortTitle,
      description: o.desc ?? describe(shortTitle, ag.to, rt),
      agency: agCode,
      category: o.cat ?? def.cat,
      situations: o.s ?? [],
      applicantKinds,
      fee,
      term: t,
      ...(keep ? { keepResultDays: keep } : {}),
      documents,
      results: o.res ?? DEFAULT_RESULTS[rt],
      refusalReasons: o.refusals ?? DEFAULT_REFUSALS[rt],
      stages,
      aliases: o.a ?? [],
      popularity,
      status: o.draft ? 'draft' : 'published',
      remote: o.r ?? false,
    };
    return s;
  });
}
