/**
 * The main fields of a service card: titles, description, agency, category, situations, who may apply,
 * fee, term and how long the result is kept. Agencies, categories and situations come from the public API.
 */
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../app/i18n/index.js';
import { portalQueries } from '../../portal/queries.js';
import type { FieldErrors } from '../components/errors.js';
import { CheckField, ChoiceField, TextField } from '../components/fields.js';
import type { ServiceDraft } from './service-draft.js';

type Props = { draft: ServiceDraft; set: (patch: Partial<ServiceDraft>) => void; errors: FieldErrors };

const toggle = <T,>(list: T[], item: T, on: boolean) =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

export function ServiceBasics({ draft, set, errors }: Props) {
  const { t } = useT();
  const agencies = useQuery(portalQueries.agencies());
  const categories = useQuery(portalQueries.categories());
  const situations = useQuery(portalQueries.situations());
  const f = { form: 'service', errors };
  return (
    <section aria-labelledby="service-basics-title">
      <h2 id="service-basics-title">{t('admin.serviceBasics')}</h2>
      <div className="form-grid">
        <TextField
          {...f}
          path="title"
          label={t('admin.serviceTitle')}
          value={draft.title}
          onChange={(title) => set({ title })}
          required
        />
        <TextField
          {...f}
          path="shortTitle"
          label={t('admin.shortTitle')}
          value={draft.shortTitle}
          onChange={(shortTitle) => set({ shortTitle })}
          required
        />
      </div>
      <TextField
        {...f}
        path="description"
        multiline
        rows={6}
        label={t('admin.description')}
        value={draft.description}
        onChange={(description) => set({ description })}
      />
      <div className="form-grid">
        <ChoiceField
          {...f}
          path="agency"
          label={t('service.agency')}
          value={draft.agency}
          onChange={(agency) => set({ agency })}
          options={[
            { value: '', label: t('admin.none') },
            ...(agencies.data ?? []).map((a) => ({ value: a.code, label: a.shortName })),
          ]}
        />
        <ChoiceField
          {...f}
          path="category"
          label={t('catalog.category')}
          value={draft.category}
          onChange={(category) => set({ category })}
          options={[
            { value: '', label: t('admin.none') },
            ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.title })),
          ]}
        />
      </div>
      <fieldset className="check-list">
        <legend>{t('service.applicants')}</legend>
        {(['person', 'business'] as const).map((kind) => (
          <CheckField
            key={kind}
            {...f}
            path={`applicantKinds.${kind}`}
            label={t(`service.applicant.${kind}`)}
            checked={draft.applicantKinds.includes(kind)}
            onChange={(on) => set({ applicantKinds: toggle(draft.applicantKinds, kind, on) })}
          />
        ))}
        {errors.applicantKinds !== undefined && (
          <p className="field-error">{t('admin.err.applicantKinds')}</p>
        )}
      </fieldset>
      <fieldset className="check-list check-columns">
        <legend>{t('service.situations')}</legend>
        {(situations.data ?? []).map((s) => (
          <CheckField
            key={s.code}
            {...f}
            path={`situation-${s.code}`}
            label={s.title}
            checked={draft.situations.includes(s.code)}
            onChange={(on) => set({ situations: toggle(draft.situations, s.code, on) })}
          />
        ))}
      </fieldset>
      <div className="form-grid">
        <TextField
          {...f}
          path="fee.amount"
          type="number"
          min={0}
          label={t('admin.feeAmount')}
          hint={t('admin.feeHint')}
          value={draft.feeAmount}
          onChange={(feeAmount) => set({ feeAmount })}
        />
        <TextField
          {...f}
          path="fee.note"
          label={t('admin.feeNote')}
          value={draft.feeNote}
          onChange={(feeNote) => set({ feeNote })}
        />
        <TextField
          {...f}
          path="term.days"
          type="number"
          min={1}
          label={t('admin.termDays')}
          value={draft.termDays}
          onChange={(termDays) => set({ termDays })}
        />
        <ChoiceField
          {...f}
          path="term.kind"
          label={t('admin.termKind')}
          value={draft.termKind}
          onChange={(termKind) => set({ termKind: termKind as ServiceDraft['termKind'] })}
          options={[
            { value: 'working', label: t('admin.termWorking') },
            { value: 'calendar', label: t('admin.termCalendar') },
          ]}
        />
        <TextField
          {...f}
          path="keepResultDays"
          type="number"
          min={1}
          label={t('admin.keepResultDays')}
          value={draft.keepResultDays}
          onChange={(keepResultDays) => set({ keepResultDays })}
        />
      </div>
    </section>
  );
}
