/**
 * /staff/password: change one's own password (POST /api/auth/password). A user whose password was set by
 * an admin is sent here by <RequireStaff/> before any staff screen; after the change they go on to `?next=`.
 */
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { passwordSchema } from '../../shared/staff.admin.js';
import { ErrorSummary, TextField } from '../admin/components/fields.js';
import { SubmitStatus } from '../admin/components/use-submit.js';
import { useZodForm } from '../admin/components/use-zod-form.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { staffApi, useMe } from './auth.js';
import { safeNext } from './login-page.js';

/** The form: the API's body (the new password under the shared rules) and the new password once more. */
const passwordFormSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema, repeat: z.string() })
  .refine((f) => f.repeat === f.newPassword, {
    path: ['repeat'],
    message: 'the passwords differ',
    params: { rule: 'passwords_differ' },
  });

export function PasswordPage() {
  const { t } = useT();
  useTitle(t('staff.passwordTitle'));
  const { me, status, refresh } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useZodForm(passwordFormSchema, {
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  if (status === 'signed-out')
    return (
      <Navigate to={`/staff/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  const labels: Record<string, string> = {
    currentPassword: t('staff.currentPassword'),
    newPassword: t('staff.newPassword'),
    repeat: t('staff.repeatPassword'),
  };
  const submit = form.submit(
    ({ currentPassword, newPassword }) => staffApi.changePassword({ currentPassword, newPassword }),
    () => {
      // the guard reads mustChangePassword: go on only once the session says it is done
      refresh().then(() => navigate(next, { replace: true }));
    },
  );
  const f = { form: 'password', errors: form.errors, type: 'password' as const, required: true };
  return (
    <section className="login">
      <h1>{t('staff.passwordTitle')}</h1>
      {me?.mustChangePassword && <p className="notice notice-warn">{t('staff.mustChange')}</p>}
      <form onSubmit={submit} noValidate className="login-form">
        <ErrorSummary form="password" errors={form.errors} label={(p) => labels[p] ?? p} />
        <TextField
          {...f}
          path="currentPassword"
          autoComplete="current-password"
          label={labels.currentPassword}
          field={form.register('currentPassword')}
        />
        <TextField
          {...f}
          path="newPassword"
          autoComplete="new-password"
          label={labels.newPassword}
          hint={t('admin.passwordHint')}
          field={form.register('newPassword')}
        />
        <TextField
          {...f}
          path="repeat"
          autoComplete="new-password"
          label={labels.repeat}
          field={form.register('repeat')}
        />
        <SubmitStatus state={form.state} testId="password-status" />
        <button type="submit" className="button button-primary" disabled={form.state.busy}>
          {t('staff.changePassword')}
        </button>
      </form>
    </section>
  );
}
