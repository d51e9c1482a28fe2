/**
 * /staff/login: the staff sign-in form. Any refusal (wrong password, unknown login, locked account) shows
 * one message, as the API answers; after sign-in the user goes back to `?next=` (a local path) or /admin.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { useMe } from './auth.js';

/** Only a path of this site: `//host` or `https://…` would send the user elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/admin';
}

export function LoginPage() {
  const { t, tn } = useT();
  useTitle(t('staff.loginTitle'));
  const { signIn, me } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const loginId = useId();
  const passwordId = useId();

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
      navigate(next, { replace: true });
    } catch (failure) {
      setPassword('');
      const status = failure instanceof ApiError ? failure.status : 0;
      // The server says how long this address must wait after failed sign-ins on this login.
      const wait =
        failure instanceof ApiError
          ? (failure.details as { retryAfterSeconds?: unknown })?.retryAfterSeconds
          : undefined;
      setError(
        status === 401
          ? t('staff.loginFailed')
          : status === 429 && typeof wait === 'number'
            ? tn('staff.loginWait', wait)
            : status === 429
              ? t('staff.loginRateLimited')
              : t('common.error'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="login">
      <h1>{t('staff.loginTitle')}</h1>
      {me && (
        <p className="notice">
          {t('staff.alreadySignedIn', { name: me.fullName })} <Link to={next}>{t('staff.continue')}</Link>
        </p>
      )}
      {error && (
        <div
          className="notice notice-error"
          role="alert"
          tabIndex={-1}
          ref={errorRef}
          data-testid="login-error"
        >
          {error}
        </div>
      )}
      <form onSubmit={submit} className="login-form" noValidate>
        <div className="field">
          <label htmlFor={loginId}>{t('staff.login')}</label>
          <input
            id={loginId}
            name="login"
            type="text"
            autoComplete="username"
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t('staff.password')}</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy || !login || !password}>
          {t('staff.signIn')}
        </button>
      </form>
    </section>
  );
}
