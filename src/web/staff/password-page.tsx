/**
 * /staff/password: change one's own password (POST /api/auth/password). A user whose password was set by
 * an admin is sent here by <RequireStaff/> before any staff screen; after the change they go on to `?next=`.
 */
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, TextField } from '../admin/components/fields.js';
import { SubmitStatus, useSubmit } from '../admin/components/use-submit.js';
import { request } from '../app/api.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { useMe } from './auth.js';
import { safeNext } from './login-page.js';

export function PasswordPage() {
  const { t } = useT();
  useTitle(t('staff.passwordTitle'));
  const { me, status, refresh } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [draft, setDraft] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const save = useSubmit();
  if (status === 'signed-out')
    return (
      <Navigate to={`/staff/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const labels: Record<string, string> = {
    currentPassword: t('staff.currentPassword'),
    newPassword: t('staff.newPassword'),
    repeat: t('staff.repeatPassword'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = draft.newPassword !== draft.repeat;
    setMismatch(differ);
    if (differ) return;
    save.run(
      () =>
        request<null>('POST', '/api/auth/password', {
          body: { currentPassword: draft.currentPassword, newPassword: draft.newPassword },
        }),
      () => {
        // the guard reads mustChangePassword: go on only once the session says it is done
        refresh().then(() => navigate(next, { replace: true }));
      },
    );
  };
  const errors = mismatch ? { ...save.errors, repeat: t('staff.passwordsDiffer') } : save.errors;
  return (
    <section className="login">
      <h1>{t('staff.passwordTitle')}</h1>
      {me?.mustChangePassword && <p className="notice notice-warn">{t('staff.mustChange')}</p>}
      <form onSubmit={submit} noValidate className="login-form">
        <ErrorSummary form="password" errors={errors} label={(p) => labels[p] ?? p} />
        <TextField
          form="password"
          path="currentPassword"
          type="password"
          autoComplete="current-password"
          label={labels.currentPassword}
          value={draft.currentPassword}
          onChange={set('currentPassword')}
          errors={errors}
          required
        />
        <TextField
          form="password"
          path="newPassword"
          type="password"
          autoComplete="new-password"
          label={labels.newPassword}
          hint={t('admin.passwordHint')}
          value={draft.newPassword}
          onChange={set('newPassword')}
          errors={errors}
          required
        />
        <TextField
          form="password"
          path="repeat"
          type="password"
          autoComplete="new-password"
          label={labels.repeat}
          value={draft.repeat}
          onChange={set('repeat')}
          errors={errors}
          required
        />
        <SubmitStatus state={save} testId="password-status" />
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('staff.changePassword')}
        </button>
      </form>
    </section>
  );
}
