/**
 * /admin/users: staff accounts with their roles and status; «Новый сотрудник» creates one (login, name,
 * temporary password, grants); «Изменить» opens the user: grants, password reset, disable / enable, history.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { AdminUser } from '../../../shared/staff.admin.js';
import { Badge, QueryStatus } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { useFocusOnMount } from '../components/use-focus.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';
import { type GrantRow, GrantsEditor, grantsOf } from './grants-editor.js';
import { UserPanel } from './user-panel.js';

export function UsersPage() {
  const { t } = useT();
  useTitle(t('admin.users'));
  const list = useQuery(adminQueries.users());
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const user = list.data?.find((u) => u.id === open);
  const roles = (u: AdminUser) =>
    [...new Set(u.grants.map((g) => t(`admin.role.${g.role}`)))].join(', ') || '—';
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.users')}</h1>
        <p>
          <Link to="/admin/security-log">{t('admin.securityLog')}</Link>{' '}
          <button type="button" className="button button-primary" onClick={() => setOpen('new')}>
            {t('admin.userNew')}
          </button>
        </p>
      </div>
      <QueryStatus query={list} />
      {list.data && (
        <div className="table-wrap">
          <table className="admin-table" data-testid="users">
            <thead>
              <tr>
                <th scope="col">{t('staff.login')}</th>
                <th scope="col">{t('admin.fullName')}</th>
                <th scope="col">{t('admin.roles')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.login}</th>
                  <td>{u.fullName}</td>
                  <td>{roles(u)}</td>
                  <td>
                    <Badge tone={u.disabled ? 'warn' : 'ok'}>
                      {t(u.disabled ? 'admin.userDisabled' : 'admin.userActive')}
                    </Badge>
                    {u.lockedUntil && <Badge tone="warn">{t('admin.userLocked')}</Badge>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('admin.editItem', { item: u.login })}
                      onClick={() => setOpen(u.id)}
                    >
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open === 'new' && (
        <NewUserForm
          onCreated={(created) => {
            setOpen(created.id);
          }}
        />
      )}
      {user && <UserPanel key={user.id} user={user} />}
    </>
  );
}

function NewUserForm({ onCreated }: { onCreated: (user: AdminUser) => void }) {
  const { t } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [draft, setDraft] = useState({ login: '', fullName: '', password: '' });
  const [grants, setGrants] = useState<GrantRow[]>([
    { role: 'operator', scope: 'region', district: '', offices: '' },
  ]);
  const save = useSubmit();
  const labels: Record<string, string> = {
    login: t('staff.login'),
    fullName: t('admin.fullName'),
    password: t('admin.tempPassword'),
  };
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.run(() => adminApi.createUser({ ...draft, grants: grantsOf(grants) }), onCreated);
  };
  return (
    <form onSubmit={submit} noValidate className="admin-form" aria-labelledby="new-user-title">
      <h2 id="new-user-title" ref={heading} tabIndex={-1}>
        {t('admin.userNew')}
      </h2>
      <ErrorSummary form="new-user" errors={save.errors} label={(p) => labels[p] ?? p} />
      <div className="form-grid">
        <TextField
          form="new-user"
          path="login"
          label={labels.login}
          hint={t('admin.codeHint')}
          autoComplete="off"
          value={draft.login}
          onChange={set('login')}
          errors={save.errors}
          required
        />
        <TextField
          form="new-user"
          path="fullName"
          label={labels.fullName}
          value={draft.fullName}
          onChange={set('fullName')}
          errors={save.errors}
          required
        />
        <TextField
          form="new-user"
          path="password"
          type="password"
          autoComplete="new-password"
          label={labels.password}
          hint={t('admin.passwordHint')}
          value={draft.password}
          onChange={set('password')}
          errors={save.errors}
          required
        />
      </div>
      <GrantsEditor form="new-user" rows={grants} onChange={setGrants} errors={save.errors} />
      <SubmitStatus state={save} />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {t('admin.create')}
      </button>
    </form>
  );
}
