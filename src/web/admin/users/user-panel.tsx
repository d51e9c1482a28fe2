/** One staff account: its grants, a password reset, disable / enable, and its change history. */
import {
  type AdminUser,
  resetPasswordBodySchema,
  userGrantsBodySchema,
} from '../../../shared/staff.admin.js';
import { useT } from '../../app/i18n/index.js';
import { useMe } from '../../staff/auth.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { useFocusOnMount } from '../components/use-focus.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { GrantsEditor, grantRowSchema, rowsOf } from './grants-editor.js';

const grantsFormSchema = userGrantsBodySchema.extend({ grants: grantRowSchema.array().max(100) });

export function UserPanel({ user }: { user: AdminUser }) {
  const { t, locale } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { me } = useMe();
  // drafts start from the cached user (the panel is keyed by the user's id)
  const grantsForm = useZodForm(grantsFormSchema, { defaultValues: { grants: rowsOf(user.grants) } });
  const resetForm = useZodForm(resetPasswordBodySchema, { defaultValues: { password: '' } });
  const grants = grantsForm.state;
  const reset = resetForm.state;
  const status = useSubmit();
  const unlock = useSubmit();
  const saveGrants = grantsForm.submit(({ grants }) => adminApi.setGrants(user.id, grants));
  const resetPassword = resetForm.submit(
    ({ password }) => adminApi.resetPassword(user.id, password),
    () => resetForm.reset({ password: '' }),
    t('admin.passwordReset'),
  );
  return (
    <section className="admin-form" aria-labelledby="user-title" data-testid="user-panel">
      <h2 id="user-title" ref={heading} tabIndex={-1}>
        {user.fullName} ({user.login})
      </h2>
      <form onSubmit={saveGrants} noValidate>
        <ErrorSummary form="user" errors={grantsForm.errors} />
        <GrantsEditor
          form="user"
          rows={grantsForm.watch('grants')}
          onChange={(rows) => grantsForm.setValue('grants', rows, { shouldDirty: true })}
          errors={grantsForm.errors}
        />
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
          field={resetForm.register('password')}
          errors={resetForm.errors}
        />
        <SubmitStatus state={reset} />
        <button type="submit" className="button" disabled={reset.busy || !resetForm.watch('password')}>
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
