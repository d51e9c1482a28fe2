/**
 * A user's grants: each a role on a scope — the whole region, one district, or offices picked by name
 * from a list with search. A row is checked by `grantRowSchema`, whose output is the shared `Grant`; errors like
 * `grants.0.scope.offices` — from the schema or the server — appear at that row's field.
 * The editor works on a react-hook-form form holding `grants: GrantRow[]` (useZodForm).
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type Grant, grantSchema, roleSchema } from '../../../shared/auth.js';
import { useT } from '../../app/i18n/index.js';
import type { FieldErrors } from '../components/errors.js';
import { ChoiceField } from '../components/fields.js';
import { ListEditor } from '../components/list-editor.js';
import { PickList } from '../components/pick-list.js';
import { adminQueries } from '../queries.js';

/** The order roles are offered in: the widest first. */
export const allRoles = roleSchema.extract([
  'admin',
  'catalog_editor',
  'office_head',
  'operator',
  'backoffice',
  'callcenter',
  'analyst',
]).options;

/** A grant as its row edits it: the scope's kind, its district, the offices picked. */
const grantRowFields = z.object({
  role: roleSchema,
  scope: z.enum(['region', 'district', 'offices']),
  district: z.string(),
  offices: z.array(z.string()),
});
export type GrantRow = z.infer<typeof grantRowFields>;

export const rowsOf = (grants: Grant[]): GrantRow[] =>
  grants.map((g) => ({
    role: g.role,
    scope: g.scope.kind,
    district: g.scope.kind === 'district' ? g.scope.district : '',
    offices: g.scope.kind === 'offices' ? g.scope.offices : [],
  }));

export const grantsOf = (rows: GrantRow[]): Grant[] =>
  rows.map((r) => ({
    role: r.role,
    scope:
      r.scope === 'region'
        ? { kind: 'region' }
        : r.scope === 'district'
          ? { kind: 'district', district: r.district }
          : { kind: 'offices', offices: r.offices },
  }));

/** A row, checked as the shared `Grant` it makes (errors at `grants.<i>.scope.offices`, as the API's). */
export const grantRowSchema = grantRowFields.transform((row) => grantsOf([row])[0]).pipe(grantSchema);

export const newGrantRow = (): GrantRow => ({ role: 'operator', scope: 'region', district: '', offices: [] });

export function GrantsEditor({
  form,
  rows,
  onChange,
  errors,
}: {
  form: string;
  /** The form's `grants` (watch) and how to set them (setValue). */
  rows: GrantRow[];
  onChange: (rows: GrantRow[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  const districts = useQuery(adminQueries.districts());
  const offices = useQuery(adminQueries.offices({}));
  const officeOptions = (offices.data ?? []).map((o) => ({
    value: o.code,
    label: o.name,
    detail: o.district.name,
  }));
  const f = { form, errors };
  return (
    <ListEditor
      title={t('admin.grants')}
      headingLevel={3}
      items={rows}
      onChange={onChange}
      addLabel={t('admin.addGrant')}
      create={newGrantRow}
      itemLabel={(r, i) => t('admin.grantN', { n: i + 1, role: t(`admin.role.${r.role}`) })}
      render={(r, i, update) => (
        <>
          <ChoiceField
            {...f}
            path={`grants.${i}.role`}
            label={t('admin.role')}
            value={r.role}
            onChange={(role) => update({ ...r, role: roleSchema.parse(role) })}
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
            <PickList
              {...f}
              path={`grants.${i}.scope.offices`}
              label={t('admin.scopeOffices')}
              options={officeOptions}
              loading={offices.isPending}
              value={r.offices}
              onChange={(picked) => update({ ...r, offices: picked })}
            />
          )}
        </>
      )}
    />
  );
}
