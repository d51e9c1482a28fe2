/**
 * The card of an office (name, kind, district, address, coordinates, contacts, time zone): creates one
 * (with `code`) or edits it. Field errors from the API appear next to each field and in a summary.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AdminOffice } from '../../../shared/network.admin.js';
import type { OfficeKind } from '../../../shared/network.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, ErrorSummary, TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';
import { officeKinds } from './offices-page.js';

type Draft = Record<
  'code' | 'name' | 'district' | 'address' | 'lat' | 'lon' | 'phone' | 'email' | 'timeZone',
  string
> & {
  kind: OfficeKind;
};

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

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
  const [draft, setDraft] = useState<Draft>({
    code: office?.code ?? '',
    name: office?.name ?? '',
    kind: office?.kind ?? 'main',
    district: office?.district.code ?? '',
    address: office?.address ?? '',
    lat: text(office?.lat),
    lon: text(office?.lon),
    phone: text(office?.phone),
    email: text(office?.email),
    timeZone: text(office?.timeZone),
  });
  const save = useSubmit();
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
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
  const field = (
    key: keyof Draft,
    extra: { type?: 'text' | 'email' | 'tel'; hint?: string; required?: boolean } = {},
  ) => (
    <TextField
      form="office"
      path={key}
      label={labels[key]}
      value={draft[key]}
      onChange={set(key)}
      errors={save.errors}
      {...extra}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name,
      kind: draft.kind,
      district: draft.district,
      address: draft.address,
      lat: numberOrNull(draft.lat),
      lon: numberOrNull(draft.lon),
      phone: orNull(draft.phone),
      email: orNull(draft.email),
      timeZone: orNull(draft.timeZone),
    };
    save.run(
      () =>
        office
          ? adminApi.editOffice(office.code, body)
          : adminApi.createOffice({ ...body, code: draft.code }),
      onSaved,
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="office-card-title" className="admin-form">
      <h2 id="office-card-title">{t('admin.officeCard')}</h2>
      <ErrorSummary form="office" errors={save.errors} label={(path) => labels[path] ?? path} />
      <div className="form-grid">
        {!office && field('code', { required: true, hint: t('admin.codeHint') })}
        {field('name', { required: true })}
        <ChoiceField
          form="office"
          path="kind"
          label={labels.kind}
          value={draft.kind}
          onChange={set('kind')}
          errors={save.errors}
          options={officeKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <ChoiceField
          form="office"
          path="district"
          label={labels.district}
          value={draft.district}
          onChange={set('district')}
          errors={save.errors}
          options={[
            { value: '', label: '—' },
            ...(districts.data ?? []).map((d) => ({ value: d.code, label: d.name })),
          ]}
        />
        {field('address', { required: true })}
        {field('lat')}
        {field('lon')}
        {field('phone', { type: 'tel' })}
        {field('email', { type: 'email' })}
        {field('timeZone', { hint: t('admin.timeZoneHint') })}
      </div>
      <SubmitStatus state={save} testId="office-card-status" />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {office ? t('admin.save') : t('admin.create')}
      </button>
    </form>
  );
}
