/**
 * The frame of staff screens: skip link, a header with the staff area's name, its menu, the signed-in
 * user with «Выйти», and the language switch; focus moves to <main> on each navigation (as in the portal).
 * `<StaffLayout nav={adminNav} />` — each staff audience passes its own menu.
 */
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useT } from '../app/i18n/index.js';
import { LanguageSwitch, type NavItem, useFocusMainOnNavigation } from '../app/layout.js';
import { useMe } from './auth.js';

export function StaffUser() {
  const { t } = useT();
  const { me, signOut } = useMe();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <div className="staff-user">
      <span>
        <span className="visually-hidden">{t('staff.signedInAs')} </span>
        <span className="staff-user-name">{me.fullName}</span>{' '}
        <span className="staff-user-login">({me.login})</span>
      </span>
      <Link to="/staff/password" className="staff-link">
        {t('staff.changePassword')}
      </Link>
      <button
        type="button"
        className="button button-small"
        onClick={async () => {
          // Leave the guarded page first: signed out there, its guard would add ?next= back to it.
          navigate('/staff/login');
          await signOut();
        }}
      >
        {t('staff.logout')}
      </button>
    </div>
  );
}

export function StaffLayout({ nav = [] }: { nav?: NavItem[] }) {
  const { t } = useT();
  const mainRef = useFocusMainOnNavigation();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="site-header staff-header">
        <div className="container header-row">
          <Link to={nav[0]?.to ?? '/staff/login'} className="brand">
            <span className="brand-name">{t('staff.area')}</span>
            <span className="brand-product">{t('site.product')}</span>
          </Link>
          {nav.length > 0 && (
            <nav aria-label={t('staff.navLabel')} className="site-nav">
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
          )}
          <StaffUser />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container">
        <Outlet />
      </main>
    </>
  );
}
