/**
 * /admin/users: staff accounts with their roles and status; «Новый сотрудник» creates one (login, name,
 * temporary password, grants); «Изменить» opens the user: grants, password reset, disable / enable, history.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type AdminUser, userCreateSchema } from '../../../shared/staff.admin.js';
import { Badge } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { ListPage, useEditing } from '../components/list-page.js';
import { useFocusOnMount } from '../components/use-focus.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { adminQueries } from '../queries.js';
import { GrantsEditor, grantRowSchema, newGrantRow } from './grants-editor.js';
import { UserPanel } from './user-panel.js';

const idOf = (u: AdminUser) => u.id;

export function UsersPage() {
  const { t } = useT();
  useTitle(t('admin.users'));
  const list = useQuery(adminQueries.users());
  const editing = useEditing(list.data, idOf);
  const roles = (u: AdminUser) =>
    [...new Set(u.grants.map((g) => t(`admin.role.${g.role}`)))].join(', ') || '—';
  return (
    <ListPage
      title={t('admin.users')}
      newAction={
        <p>
          <Link to="/admin/security-log">{t('admin.securityLog')}</Link>{' '}
          <button type="button" className="button button-primary" onClick={editing.openNew}>
            {t('admin.userNew')}
          </button>
        </p>
      }
      query={list}
      rows={list.data}
      rowKey={idOf}
      testId="users"
      columns={[
        { header: t('staff.login'), cell: (u) => u.login },
        { header: t('admin.fullName'), cell: (u) => u.fullName },
        { header: t('admin.roles'), cell: roles },
        {
          header: t('admin.status'),
          cell: (u) => (
            <>
              <Badge tone={u.disabled ? 'warn' : 'ok'}>
                {t(u.disabled ? 'admin.userDisabled' : 'admin.userActive')}
              </Badge>
              {u.lockedUntil && <Badge tone="warn">{t('admin.userLocked')}</Badge>}
            </>
          ),
        },
      ]}
      onEdit={editing.open}
      editLabel={(u) => u.login}
    >
      {editing.isNew && <NewUserForm key={editing.formKey} onCreated={(u) => editing.open(u)} />}
      {editing.item && <UserPanel key={editing.item.id} user={editing.item} />}
    </ListPage>
  );
}

/** A new account: its grants are edited as rows, each checked as the shared Grant it makes. */
const newUserFormSchema = userCreateSchema.extend({ grants: grantRowSchema.array().max(100) });

function NewUserForm({ onCreated }: { onCreated: (user: AdminUser) => void }) {
  const { t } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useZodForm(newUserFormSchema, {
    defaultValues: { login: '', fullName: '', password: '', grants: [newGrantRow()] },
  });
  const labels: Record<string, string> = {
    login: t('staff.login'),
    fullName: t('admin.fullName'),
    password: t('admin.tempPassword'),
  };
  const submit = form.submit((values) => adminApi.createUser(values), onCreated);
  const f = { form: 'new-user', errors: form.errors, required: true };
  return (
    <form onSubmit={submit} noValidate className="admin-form" aria-labelledby="new-user-title">
      <h2 id="new-user-title" ref={heading} tabIndex={-1}>
        {t('admin.userNew')}
      </h2>
      <ErrorSummary form="new-user" errors={form.errors} label={(p) => labels[p] ?? p} />
      <div className="form-grid">
        <TextField
          {...f}
          path="login"
          label={labels.login}
          hint={t('admin.codeHint')}
          autoComplete="off"
          field={form.register('login')}
        />
        <TextField {...f} path="fullName" label={labels.fullName} field={form.register('fullName')} />
        <TextField
          {...f}
          path="password"
          type="password"
          autoComplete="new-password"
          label={labels.password}
          hint={t('admin.passwordHint')}
          field={form.register('password')}
        />
      </div>
      <GrantsEditor
        form="new-user"
        rows={form.watch('grants')}
        onChange={(rows) => form.setValue('grants', rows, { shouldDirty: true })}
        errors={form.errors}
      />
      <SubmitStatus state={form.state} />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('admin.create')}
      </button>
    </form>
  );
}
