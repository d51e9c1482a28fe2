/**
 * The card of an office (name, kind, district, address, coordinates, contacts, time zone): creates one
 * (with `code`) or edits it. Field errors from the API appear next to each field and in a summary.
 */
import { useQuery } from '@tanstack/react-query';
import { type AdminOffice, officeInputSchema } from '../../../shared/network.admin.js';
import { officeKindSchema } from '../../../shared/network.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { adminQueries } from '../queries.js';

/**
 * An empty text is no value (null); a comma is read as the decimal point. react-hook-form also passes
 * the default value (a number, null) through: that is kept as it is.
 */
const orNull = (v: unknown) => (typeof v !== 'string' ? v : v.trim() === '' ? null : v.trim());
const numberOrNull = (v: unknown) =>
  typeof v !== 'string' ? v : v.trim() === '' ? null : Number(v.replace(',', '.'));

export function OfficeCardForm({
  office,
  onSaved,
}: {
  office?: AdminOffice;
  /** After a save (the cache already holds the answer). */
  onSaved?: (office: AdminOffice) => void;
}) {
  const { t } = useT();
  const districts = useQuery(adminQueries.districts());
  // the draft starts from the cached office; the code is fixed once created (the schema still checks it)
  const form = useZodForm(officeInputSchema, {
    defaultValues: {
      code: office?.code ?? '',
      name: office?.name ?? '',
      kind: office?.kind ?? 'main',
      district: office?.district.code ?? '',
      address: office?.address ?? '',
      lat: office?.lat ?? null,
      lon: office?.lon ?? null,
      phone: office?.phone ?? null,
      email: office?.email ?? null,
      timeZone: office?.timeZone ?? null,
    },
  });
  const labels: Record<string, string> = {
    code: t('admin.code'),
    name: t('admin.name'),
    kind: t('office.kind'),
    district: t('office.district'),
    address: t('office.address'),
    lat: t('admin.lat'),
    lon: t('admin.lon'),
    phone: t('office.phone'),
    email: t('office.email'),
    timeZone: t('admin.timeZone'),
  };
  const f = { form: 'office', errors: form.errors };
  const text = (key: 'code' | 'name' | 'address', extra: { hint?: string } = {}) => (
    <TextField {...f} path={key} label={labels[key]} field={form.register(key)} required {...extra} />
  );
  const optional = (
    key: 'lat' | 'lon' | 'phone' | 'email' | 'timeZone',
    extra: { type?: 'email' | 'tel'; hint?: string } = {},
  ) => (
    <TextField
      {...f}
      path={key}
      label={labels[key]}
      field={form.register(key, { setValueAs: key === 'lat' || key === 'lon' ? numberOrNull : orNull })}
      {...extra}
    />
  );
  const submit = form.submit(
    ({ code, ...body }) =>
      office ? adminApi.editOffice(office.code, body) : adminApi.createOffice({ code, ...body }),
    onSaved,
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="office-card-title" className="admin-form">
      <h2 id="office-card-title">{t('admin.officeCard')}</h2>
      <ErrorSummary form="office" errors={form.errors} label={(path) => labels[path] ?? path} />
      <div className="form-grid">
        {!office && text('code', { hint: t('admin.codeHint') })}
        {text('name')}
        <ChoiceField
          {...f}
          path="kind"
          label={labels.kind}
          field={form.register('kind')}
          options={officeKindSchema.options.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <ChoiceField
          {...f}
          path="district"
          label={labels.district}
          // controlled: its options may come after the form's first render
          value={form.watch('district')}
          onChange={(v) => form.setValue('district', v, { shouldDirty: true })}
          options={[
            { value: '', label: '—' },
            ...(districts.data ?? []).map((d) => ({ value: d.code, label: d.name })),
          ]}
        />
        {text('address')}
        {optional('lat')}
        {optional('lon')}
        {optional('phone', { type: 'tel' })}
        {optional('email', { type: 'email' })}
        {optional('timeZone', { hint: t('admin.timeZoneHint') })}
      </div>
      <SubmitStatus state={form.state} testId="office-card-status" />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {office ? t('admin.save') : t('admin.create')}
      </button>
    </form>
  );
}
