/**
 * The page frame shared by the audiences' screens: skip link, header with the site name, the main
 * navigation and the language switch, <main id="main"> holding the routed page, and the footer.
 * `<Layout nav={[{ to, label }]} />` — each audience passes its own menu (the portal's is `portalNav`);
 * on every route change focus moves to <main> so screen-reader users hear the new page.
 */
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { type Lang, languages, type MessageKey, useLang, useT } from './i18n/index.js';

export type NavItem = { to: string; label: MessageKey; end?: boolean };

export function LanguageSwitch() {
  const { t } = useT();
  const [lang, setLang] = useLang();
  const names: Record<Lang, MessageKey> = { ru: 'lang.ruName', en: 'lang.enName' };
  const short: Record<Lang, MessageKey> = { ru: 'lang.ru', en: 'lang.en' };
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('lang.label')}</legend>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          title={t(names[option])}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
        >
          {t(short[option])}
        </button>
      ))}
    </fieldset>
  );
}

/**
 * On every navigation to another page after the first render: focus on <main> so a screen reader
 * announces the new page. Both the portal and the staff layouts use it. The scroll position is the
 * router's <ScrollRestoration/> (main.tsx): the top for a new page, where the person was on «Назад».
 */
export function useFocusMainOnNavigation() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, by design
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  return mainRef;
}

export function Layout({ nav }: { nav: NavItem[] }) {
  const { t } = useT();
  const mainRef = useFocusMainOnNavigation();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="brand">
            <span className="brand-name">{t('site.name')}</span>
            <span className="brand-product">{t('site.product')}</span>
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            {t('site.name')} · {t('site.footer')}
          </p>
          <p className="muted">
            {t('site.product')} · {t('site.tagline')}
          </p>
        </div>
      </footer>
    </>
  );
}
