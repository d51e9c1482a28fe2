/**
 * The cases' search form: case number (typed, «№ 48 2026 0001234», or the status link the receipt's QR
 * holds), applicant (a surname, an organisation's name or ИНН), phone, office (of the user's scope only),
 * agency, stage, service (a searchable pick list) and the dates of acceptance. What is typed is a draft until
 * «Найти»: then it is checked here (the same rules as the server's) and written to the query string, which
 * is what the list reads — so a reload, «Назад» and a shared link keep the search.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { sortedBy } from '../../shared/collation.js';
import { ChoiceField, ErrorSummary, TextField } from '../admin/components/fields.js';
import { PickList } from '../admin/components/pick-list.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { useMe } from '../staff/auth.js';
import { officesInScope } from '../staff/scope.js';
import { checkSearch, type SearchField, type SearchValues, searchFields } from './case-search-values.js';
import { caseListQueries } from './cases-lists-queries.js';
import { stageCodes, useCaseListWords } from './cases-lists-words.js';

const form = 'case-search';

export function CaseSearchForm(props: { values: SearchValues; onSearch: (values: SearchValues) => void }) {
  const { t } = useT();
  const w = useCaseListWords();
  const { me } = useMe();
  const [draft, setDraft] = useState<SearchValues>(props.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const offices = useQuery(portalQueries.offices({}));
  const agencies = useQuery(portalQueries.agencies());
  const services = useQuery(caseListQueries.services());
  const scoped = useMemo(
    () => sortedBy(officesInScope(me?.grants ?? [], offices.data ?? []), (o) => o.name),
    [me, offices.data],
  );
  const serviceOptions = useMemo(
    () => (services.data ?? []).map((s) => ({ value: s.code, label: s.title })),
    [services.data],
  );
  const chosenService = draft.service
    ? (services.data?.find((s) => s.code === draft.service)?.title ?? draft.service)
    : null;
  const set = (key: SearchField) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const messages = {
    number: t('clist.err.number'),
    applicant: t('clist.err.applicant'),
    phone: t('clist.err.phone'),
    dates: t('clist.err.dates'),
  };
  const labels: Record<string, string> = {
    number: t('clist.number'),
    applicant: t('clist.applicant'),
    phone: t('clist.phone'),
    to: t('clist.to'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSearch(draft);
    const found = Object.fromEntries(
      Object.entries(checked.errors).map(([key, kind]) => [key, messages[kind]]),
    );
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setDraft(checked.values);
    props.onSearch(checked.values);
  };
  const reset = () => {
    const empty = Object.fromEntries(searchFields.map((k) => [k, ''])) as SearchValues;
    setDraft(empty);
    setErrors({});
    props.onSearch(empty);
  };

  return (
    <form
      className="clist-search"
      aria-label={t('clist.searchTitle')}
      onSubmit={submit}
      noValidate
      data-testid="case-search"
    >
      <ErrorSummary form={form} errors={errors} label={(path) => labels[path] ?? path} />
      <div className="filters-row">
        <TextField
          form={form}
          path="number"
          label={t('clist.number')}
          hint={t('clist.numberHint')}
          value={draft.number}
          onChange={set('number')}
          errors={errors}
          autoComplete="off"
        />
        <TextField
          form={form}
          path="applicant"
          label={t('clist.applicant')}
          hint={t('clist.applicantHint')}
          value={draft.applicant}
          onChange={set('applicant')}
          errors={errors}
          autoComplete="off"
        />
        <TextField
          form={form}
          path="phone"
          type="tel"
          label={t('clist.phone')}
          value={draft.phone}
          onChange={set('phone')}
          errors={errors}
          autoComplete="off"
        />
      </div>
      <div className="filters-row">
        <ChoiceField
          form={form}
          path="office"
          label={t('clist.office')}
          value={draft.office}
          onChange={set('office')}
          options={[
            { value: '', label: t('clist.allOffices') },
            ...scoped.map((o) => ({ value: o.code, label: o.name })),
          ]}
        />
        <ChoiceField
          form={form}
          path="agency"
          label={t('clist.agency')}
          value={draft.agency}
          onChange={set('agency')}
          options={[
            { value: '', label: t('common.all') },
            ...sortedBy(agencies.data ?? [], (a) => a.shortName).map((a) => ({
              value: a.code,
              label: a.shortName,
            })),
          ]}
        />
        <ChoiceField
          form={form}
          path="stage"
          label={t('clist.stage')}
          value={draft.stage}
          onChange={set('stage')}
          options={[
            { value: '', label: t('common.all') },
            ...stageCodes.map((code) => ({ value: code, label: w.stage(code) })),
          ]}
        />
        <TextField
          form={form}
          path="from"
          type="date"
          label={t('clist.from')}
          value={draft.from}
          onChange={set('from')}
          errors={errors}
        />
        <TextField
          form={form}
          path="to"
          type="date"
          label={t('clist.to')}
          value={draft.to}
          onChange={set('to')}
          errors={errors}
        />
      </div>
      {/* some hundred services: the list opens on demand (and open while one is chosen) */}
      <details className="clist-service-pick" open={draft.service !== '' || undefined}>
        <summary>
          {t('clist.service')}: {chosenService ?? t('clist.anyService')}
        </summary>
        <PickList
          form={form}
          path="service"
          label={t('clist.service')}
          options={serviceOptions}
          value={draft.service ? [draft.service] : []}
          // one service at a time: the newest pick replaces the previous one
          onChange={(codes) => set('service')(codes.at(-1) ?? '')}
          shown={10}
          loading={services.isPending}
        />
      </details>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('clist.find')}
        </button>
        <button type="button" className="button" onClick={reset}>
          {t('clist.reset')}
        </button>
      </div>
    </form>
  );
}
