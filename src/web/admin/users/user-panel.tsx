/** One staff account: its grants, a password reset, disable / enable, and its change history. */
import { type FormEvent, useState } from 'react';
import type { AdminUser } from '../../../shared/staff.admin.js';
import { useT } from '../../app/i18n/index.js';
import { useMe } from '../../staff/auth.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { useFocusOnMount } from '../components/use-focus.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { GrantsEditor, grantsOf, rowsOf } from './grants-editor.js';

export function UserPanel({ user }: { user: AdminUser }) {
  const { t, locale } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { me } = useMe();
  const [rows, setRows] = useState(() => rowsOf(user.grants));
  const [password, setPassword] = useState('');
  const grants = useSubmit();
  const reset = useSubmit();
  const status = useSubmit();
  const unlock = useSubmit();
  const saveGrants = (event: FormEvent) => {
    event.preventDefault();
    grants.run(() => adminApi.setGrants(user.id, grantsOf(rows)));
  };
  const resetPassword = (event: FormEvent) => {
    event.preventDefault();
    reset.run(
      () => adminApi.resetPassword(user.id, password),
      () => setPassword(''),
      t('admin.passwordReset'),
    );
  };
  return (
    <section className="admin-form" aria-labelledby="user-title" data-testid="user-panel">
      <h2 id="user-title" ref={heading} tabIndex={-1}>
        {user.fullName} ({user.login})
      </h2>
      <form onSubmit={saveGrants} noValidate>
        <ErrorSummary form="user" errors={grants.errors} />
        <GrantsEditor form="user" rows={rows} onChange={setRows} errors={grants.errors} />
        <SubmitStatus state={grants} />
        <button type="submit" className="button button-primary" disabled={grants.busy}>
          {t('admin.saveGrants')}
        </button>
      </form>
      <form onSubmit={resetPassword} noValidate>
        <h3>{t('admin.resetPassword')}</h3>
        <TextField
          form="reset"
          path="password"
          type="password"
          autoComplete="new-password"
          label={t('admin.tempPassword')}
          hint={t('admin.passwordHint')}
          value={password}
          onChange={setPassword}
          errors={reset.errors}
        />
        <SubmitStatus state={reset} />
        <button type="submit" className="button" disabled={reset.busy || !password}>
          {t('admin.resetPassword')}
        </button>
      </form>
      <h3>{t('admin.status')}</h3>
      <p>{t(user.disabled ? 'admin.userDisabledText' : 'admin.userActiveText')}</p>
      <SubmitStatus state={status} />
      <button
        type="button"
        className={`button ${user.disabled ? '' : 'button-danger'}`}
        disabled={status.busy || user.id === me?.id}
        onClick={() => status.run(() => adminApi.setUserDisabled(user.id, !user.disabled))}
      >
        {t(user.disabled ? 'admin.enableUser' : 'admin.disableUser')}
      </button>
      {user.lockedUntil && (
        <div data-testid="user-lock">
          <p>
            {t('admin.userLockedText', {
              until: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
                new Date(user.lockedUntil),
              ),
            })}
          </p>
          <button
            type="button"
            className="button"
            disabled={unlock.busy}
            onClick={() => unlock.run(() => adminApi.unlockUser(user.id), undefined, t('admin.userUnlocked'))}
          >
            {t('admin.unlockUser')}
          </button>
        </div>
      )}
      {/* Outside the lock's block: the message stays once the lock (and the block) is gone. */}
      <SubmitStatus state={unlock} />
      <HistoryPanel entity="user" objectKey={user.id} />
    </section>
  );
}
