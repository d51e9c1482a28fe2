/**
 * Guards staff routes: while the session is checked — «Загрузка…»; not signed in — to /staff/login with
 * the current address to come back to; a password set by an admin — to /staff/password first; signed in without any of `roles` — the «Нет доступа» page
 * (inside the staff frame, so the user still sees who is signed in and can sign out).
 */
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../../shared/auth.js';
import { Loading } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { hasRole, useMe } from './auth.js';

export function AccessDenied() {
  const { t } = useT();
  useTitle(t('staff.deniedTitle'));
  return (
    <section className="not-found" data-testid="access-denied">
      <h1>{t('staff.deniedTitle')}</h1>
      <p>{t('staff.deniedText')}</p>
      <p>
        <Link to="/" className="button">
          {t('staff.toPortal')}
        </Link>
      </p>
    </section>
  );
}

/** `roles` omitted: any signed-in staff member. */
export function RequireStaff({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { t } = useT();
  const { me, status, refresh } = useMe();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'error')
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('common.error')}</p>
        <button type="button" className="button" onClick={() => refresh()}>
          {t('common.retry')}
        </button>
      </div>
    );
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/staff/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/staff/password?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !hasRole(me, ...roles)) return <AccessDenied />;
  return <>{children}</>;
}
