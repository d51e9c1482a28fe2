/**
 * A user's grants: each a role on a scope — the whole region, one district, or a list of offices (codes).
 * Rows are edited as text and turned into `Grant`s by grantsOf(); errors like `grants.0.scope.offices`
 * appear at that row's field.
 */
import { useQuery } from '@tanstack/react-query';
import type { Grant, Role } from '../../../shared/auth.js';
import { useT } from '../../app/i18n/index.js';
import type { FieldErrors } from '../components/errors.js';
import { ChoiceField, TextField } from '../components/fields.js';
import { ListEditor } from '../components/list-editor.js';
import { adminQueries } from '../queries.js';

export const allRoles: Role[] = [
  'admin',
  'catalog_editor',
  'office_head',
  'operator',
  'backoffice',
  'callcenter',
  'analyst',
];
export type GrantRow = {
  role: Role;
  scope: 'region' | 'district' | 'offices';
  district: string;
  offices: string;
};

export const rowsOf = (grants: Grant[]): GrantRow[] =>
  grants.map((g) => ({
    role: g.role,
    scope: g.scope.kind,
    district: g.scope.kind === 'district' ? g.scope.district : '',
    offices: g.scope.kind === 'offices' ? g.scope.offices.join(', ') : '',
  }));

export const grantsOf = (rows: GrantRow[]): Grant[] =>
  rows.map((r) => ({
    role: r.role,
    scope:
      r.scope === 'region'
        ? { kind: 'region' }
        : r.scope === 'district'
          ? { kind: 'district', district: r.district }
          : { kind: 'offices', offices: r.offices.split(/[\s,;]+/).filter(Boolean) },
  }));

export function GrantsEditor({
  form,
  rows,
  onChange,
  errors,
}: {
  form: string;
  rows: GrantRow[];
  onChange: (rows: GrantRow[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  const districts = useQuery(adminQueries.districts());
  const f = { form, errors };
  return (
    <ListEditor
      title={t('admin.grants')}
      headingLevel={3}
      items={rows}
      onChange={onChange}
      addLabel={t('admin.addGrant')}
      create={(): GrantRow => ({ role: 'operator', scope: 'region', district: '', offices: '' })}
      itemLabel={(r, i) => t('admin.grantN', { n: i + 1, role: t(`admin.role.${r.role}`) })}
      render={(r, i, update) => (
        <>
          <ChoiceField
            {...f}
            path={`grants.${i}.role`}
            label={t('admin.role')}
            value={r.role}
            onChange={(role) => update({ ...r, role: role as Role })}
            options={allRoles.map((role) => ({ value: role, label: t(`admin.role.${role}`) }))}
          />
          <ChoiceField
            {...f}
            path={`grants.${i}.scope.kind`}
            label={t('admin.scope')}
            value={r.scope}
            onChange={(scope) => update({ ...r, scope: scope as GrantRow['scope'] })}
            options={[
              { value: 'region', label: t('admin.scopeRegion') },
              { value: 'district', label: t('admin.scopeDistrict') },
              { value: 'offices', label: t('admin.scopeOffices') },
            ]}
          />
          {r.scope === 'district' && (
            <ChoiceField
              {...f}
              path={`grants.${i}.scope.district`}
              label={t('office.district')}
              value={r.district}
              onChange={(district) => update({ ...r, district })}
              options={[
                { value: '', label: t('admin.none') },
                ...(districts.data ?? []).map((d) => ({ value: d.code, label: d.name })),
              ]}
            />
          )}
          {r.scope === 'offices' && (
            <TextField
              {...f}
              path={`grants.${i}.scope.offices`}
              label={t('admin.scopeOfficeCodes')}
              hint={t('admin.codesListHint')}
              value={r.offices}
              onChange={(offices) => update({ ...r, offices })}
            />
          )}
        </>
      )}
    />
  );
}
