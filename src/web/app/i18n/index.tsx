/**
 * The app's tiny i18n. Wrap the app in <I18nProvider>; in a component call `const { t, tn, lang } = useT()`:
 * - `t('nav.home')`, `t('service.notFoundText', { code })` — a message with `{name}` placeholders;
 * - `tn('common.services', 5)` — a plural message ("5 услуг"), chosen by Intl.PluralRules;
 * - `money(6000)`, `date('2026-03-09')`, `weekday(1)`, `term(term)` — Intl formatting in ru-RU / en-GB.
 * `useLang()` gives the language and its setter; the choice is kept in localStorage and mirrored to
 * <html lang>. Add a language by adding a `Messages` object and a row in `catalogs`.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en/index.js';
import type { Lang, MessageKey, Messages, PluralKey } from './messages.js';
import { ru } from './ru/index.js';

export type { Lang, MessageKey, Messages, PluralKey } from './messages.js';

const catalogs: Record<Lang, Messages> = { ru, en };
const locales: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };
export const languages: Lang[] = ['ru', 'en'];
const storageKey = 'okno.lang';

type Vars = Record<string, string | number>;

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    if (saved === 'ru' || saved === 'en') return saved;
  } catch {
    // storage may be blocked (private mode); Russian is the default
  }
  return 'ru';
}

/** Calendar dates from the API are plain YYYY-MM-DD in the office's zone: format them as UTC so they never shift. */
function isoToUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function createTranslator(lang: Lang) {
  const messages = catalogs[lang];
  const locale = locales[lang];
  const plural = new Intl.PluralRules(locale);
  const moneyFormat = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(locale);

  const t = (key: MessageKey, vars?: Vars): string => fill(messages[key], vars);
  const tn = (key: PluralKey, n: number, vars?: Vars): string => {
    const forms = messages[key];
    const category = plural.select(n) as keyof typeof forms;
    return fill(forms[category] ?? forms.other, { n: numberFormat.format(n), ...vars });
  };
  return {
    lang,
    locale,
    t,
    tn,
    money: (amount: number) => (amount === 0 ? t('common.free') : moneyFormat.format(amount)),
    number: (n: number) => numberFormat.format(n),
    date: (iso: string) => dateFormat.format(isoToUtc(iso)),
    /** The weekday of an ISO date, e.g. "понедельник". */
    weekdayOf: (iso: string) => weekdayFormat.format(isoToUtc(iso)),
    term: (term: { days: number; kind: 'working' | 'calendar' } | null) =>
      term ? tn(term.kind === 'working' ? 'term.working' : 'term.calendar', term.days) : t('common.notSet'),
  };
}

export type Translator = ReturnType<typeof createTranslator>;

type I18nContextValue = { translator: Translator; setLang: (lang: Lang) => void };
const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(storageKey, next);
    } catch {
      // not persisted; the choice still holds for this page view
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ translator: createTranslator(lang), setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() used outside <I18nProvider>');
  return value;
}

export function useT(): Translator {
  return useI18n().translator;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { translator, setLang } = useI18n();
  return [translator.lang, setLang];
}

/**
 * Sets document.title to "<page> — Мои документы" in the current language, and the page's meta description
 * (the site's own when a page gives none): what a search engine shows under the link.
 */
export function useTitle(page: string | null | undefined, description?: string | null): void {
  const { t } = useT();
  const site = t('site.name');
  const product = t('site.product');
  const text = description || t('site.description');
  useEffect(() => {
    document.title = page ? `${page} — ${site}` : `${site} — ${product}`;
  }, [page, site, product]);
  useEffect(() => {
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = text;
  }, [text]);
}
