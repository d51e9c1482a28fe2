/**
 * The analytics' filters: the period (two dates, or a quick period — this month, last month, this year,
 * the last twelve months — applied at once), the district, the office (of the chosen district, and only
 * the user's own for an office head) and the service. What is chosen is a draft until «Показать»; then it
 * goes into the address (analytics-page.tsx), which every figure reads.
 */
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../app/i18n/index.js';
import {
  type Preset,
  periodProblem,
  presetOf,
  presetPeriod,
  presets,
  type ViewFilter,
} from './analytics-filters.js';

type Choice = { value: string; label: string };
export type PlacedOffice = { code: string; name: string; district: { code: string } };

export function AnalyticsFiltersForm(props: {
  filter: ViewFilter;
  /** The period the figures are for (the API's default when the address has none). */
  shownPeriod: { from: string; to: string } | null;
  districts: Choice[];
  offices: PlacedOffice[];
  services: Choice[];
  /** Only some offices are the user's (an office head): «Все мои офисы». */
  ownOfficesOnly: boolean;
  today: string;
  onApply: (filter: ViewFilter) => void;
}) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraft] = useState<ViewFilter>(props.filter);
  const [showProblem, setShowProblem] = useState(false);
  // a date left as shown is the period's own (the API's default when the address has none): one date
  // changed keeps the other as shown, not the API's default relative to the changed one
  const effective: ViewFilter =
    (draft.from || draft.to) && props.shownPeriod
      ? { ...draft, from: draft.from ?? props.shownPeriod.from, to: draft.to ?? props.shownPeriod.to }
      : draft;
  const problem = periodProblem(effective);
  const set = (key: keyof ViewFilter) => (value: string) =>
    setDraft((d) => {
      const next = { ...d, [key]: value || undefined };
      // an office outside the newly chosen district would give empty figures: let it go
      if (key === 'district' && next.office && value) {
        const office = props.offices.find((o) => o.code === next.office);
        if (office && office.district.code !== value) next.office = undefined;
      }
      return next;
    });
  const offices = draft.district
    ? props.offices.filter((o) => o.district.code === draft.district)
    : props.offices;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      setShowProblem(true);
      return;
    }
    props.onApply(effective);
  };
  const applyPreset = (preset: Preset) => {
    const next = { ...draft, ...presetPeriod(preset, props.today) };
    setDraft(next);
    setShowProblem(false);
    props.onApply(next);
  };
  const pressed = presetOf(props.filter, props.today);
  const errorId = `${id}-period-error`;
  const invalid = showProblem && problem !== null;
  return (
    <form
      className="an-filters"
      aria-label={t('an.filters')}
      onSubmit={submit}
      noValidate
      data-testid="an-filters"
    >
      <fieldset className="an-presets">
        <legend className="visually-hidden">{t('an.presets')}</legend>
        {presets.map((preset) => (
          <button
            key={preset}
            type="button"
            className="button button-small"
            aria-pressed={pressed === preset}
            onClick={() => applyPreset(preset)}
          >
            {t(`an.preset.${preset}`)}
          </button>
        ))}
      </fieldset>
      <div className="an-filters-row">
        <DateField
          label={t('an.from')}
          value={draft.from ?? ''}
          placeholder={props.shownPeriod?.from}
          onChange={set('from')}
          invalid={invalid}
          errorId={errorId}
        />
        <DateField
          label={t('an.to')}
          value={draft.to ?? ''}
          placeholder={props.shownPeriod?.to}
          onChange={set('to')}
          invalid={invalid}
          errorId={errorId}
        />
        {props.districts.length > 0 && (
          <Select
            label={t('an.district')}
            value={draft.district ?? ''}
            onChange={set('district')}
            all={t('an.allDistricts')}
            options={props.districts}
            name="district"
          />
        )}
        <Select
          label={t('an.office')}
          value={draft.office ?? ''}
          onChange={set('office')}
          all={props.ownOfficesOnly ? t('an.allMyOffices') : t('an.allOffices')}
          options={offices.map((o) => ({ value: o.code, label: o.name }))}
          name="office"
        />
        <Select
          label={t('an.service')}
          value={draft.service ?? ''}
          onChange={set('service')}
          all={t('an.allServices')}
          options={props.services}
          name="service"
        />
      </div>
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {t('an.err.order')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('an.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft({});
            setShowProblem(false);
            props.onApply({});
          }}
        >
          {t('an.reset')}
        </button>
      </div>
    </form>
  );
}

function DateField(props: {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
  invalid: boolean;
  errorId: string;
}) {
  const id = useId();
  return (
    <div className={props.invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value || props.placeholder || ''}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.invalid ? props.errorId : undefined}
      />
    </div>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  all: string;
  options: Choice[];
  name: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
