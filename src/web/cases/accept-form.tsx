/**
 * The acceptance form: the applicant (a person or a business), how to reach them and their consents, the
 * service card's documents (each marked taken, as original or copy, with its pages), the fee, the channel.
 * The draft's shape follows the body (`applicant.inn`, `documents.2.pages`), so the shared contract's
 * errors — whether caseCreateSchema found them here or the server's 400 `details[]` did (the ИНН, ОГРН,
 * СНИЛС and passport checks) — land on their fields in the same words (app/issues.ts). The draft becomes
 * the body in one function (`toBody`): blanks dropped, only the documents taken, in their order.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { z } from 'zod';
import {
  type CaseCreate,
  type CaseCreated,
  caseCreateSchema,
  identityDocumentKindSchema,
} from '../../shared/cases.js';
import type { ServiceCard } from '../../shared/catalog.js';
import { fieldId } from '../admin/components/errors.js';
import { CheckField, ChoiceField, ErrorSummary, FieldError, TextField } from '../admin/components/fields.js';
import { useZodForm } from '../admin/components/use-zod-form.js';
import { QueryStatus } from '../app/components.js';
import { type MessageKey, useLang, useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { type AcceptDraft, type DocumentRow, draftPath, rowOf, toBody } from './accept-draft.js';
import { CaseError } from './case-words.js';

export function AcceptForm(props: {
  office: { code: string; name: string; timeZone: string };
  service: string;
  ticket?: string;
  create: (body: CaseCreate) => Promise<CaseCreated>;
}) {
  const card = useQuery(portalQueries.service(props.service));
  if (!card.data) return <QueryStatus query={card} />;
  return <AcceptFormFields {...props} card={card.data} />;
}

const formName = 'accept';

function AcceptFormFields({
  office,
  service,
  ticket,
  card,
  create,
}: {
  office: { code: string; name: string };
  service: string;
  ticket?: string;
  card: ServiceCard;
  create: (body: CaseCreate) => Promise<CaseCreated>;
}) {
  const { t, money, term } = useT();
  const [lang] = useLang();
  const schema = useMemo(
    () =>
      z
        .custom<AcceptDraft>()
        .transform((draft) => toBody(draft, { office: office.code, service, ticket, locale: lang }))
        .pipe(caseCreateSchema),
    [office.code, service, ticket, lang],
  );
  const rows = useRef<DocumentRow[]>([]);
  const form = useZodForm(schema, {
    defaultValues: {
      channel: ticket ? 'window' : 'backoffice',
      applicant: {
        kind: card.applicantKinds?.includes('person') === false ? 'business' : 'person',
        lastName: '',
        firstName: '',
        middleName: '',
        birthDate: '',
        identityDocument: { kind: 'passport_rf', series: '', number: '' },
        snils: '',
        name: '',
        inn: '',
        ogrn: '',
        representative: { lastName: '', firstName: '', middleName: '' },
        phone: '',
        email: '',
        consent: { sms: false, email: false },
      },
      documents: card.documents.map(rowOf),
      feePaid: false,
      comment: '',
    } satisfies AcceptDraft,
    mapPath: (path) => draftPath(path, rows.current),
  });
  const { register, watch, errors } = form;
  const draft = watch() as AcceptDraft;
  rows.current = draft.documents;
  const kind = draft.applicant.kind;
  const isPassport = draft.applicant.identityDocument.kind === 'passport_rf';
  const missing = draft.documents.filter((d) => d.required && !d.provided).map((d) => `«${d.name}»`);
  const f = (path: string) => ({ form: formName, path, errors });

  const labels: Record<string, MessageKey> = {
    'applicant.lastName': 'cases.accept.lastName',
    'applicant.firstName': 'cases.accept.firstName',
    'applicant.middleName': 'cases.accept.middleName',
    'applicant.birthDate': 'cases.accept.birthDate',
    'applicant.identityDocument.series': 'cases.accept.idSeries',
    'applicant.identityDocument.number': 'cases.accept.idNumber',
    'applicant.snils': 'cases.accept.snils',
    'applicant.name': 'cases.accept.orgName',
    'applicant.inn': 'cases.accept.inn',
    'applicant.ogrn': 'cases.accept.ogrn',
    'applicant.phone': 'cases.accept.phone',
    'applicant.email': 'cases.accept.email',
    'applicant.kind': 'cases.accept.kind',
  };
  const label = (path: string) => {
    const doc = /^documents\.(\d+)/.exec(path);
    if (doc) return draft.documents[Number(doc[1])]?.name ?? path;
    const rep = /^applicant\.representative\.(\w+)$/.exec(path);
    if (rep)
      return `${t('cases.accept.representative')}: ${t(labels[`applicant.${rep[1]}`] ?? 'cases.accept.lastName')}`;
    return labels[path] ? t(labels[path]) : path;
  };

  return (
    <form
      className="case-form"
      noValidate
      onSubmit={form.submit(create)}
      aria-labelledby="accept-form-title"
      data-testid="accept-form"
    >
      <h2 id="accept-form-title">{card.title}</h2>
      <p className="muted">
        {t('cases.accept.term', { term: term(card.term) })} ·{' '}
        {card.fee ? t('cases.accept.fee', { fee: money(card.fee.amount) }) : t('cases.accept.noFee')}
      </p>

      <fieldset className="case-fieldset">
        <legend>{t('cases.accept.applicant')}</legend>
        <fieldset
          className="case-choice"
          aria-describedby={
            errors['applicant.kind'] ? `${fieldId(formName, 'applicant.kind')}-error` : undefined
          }
        >
          <legend>{t('cases.accept.kind')}</legend>
          {(['person', 'business'] as const).map((k) => (
            <label key={k} className="case-radio">
              <input
                type="radio"
                value={k}
                id={k === 'person' ? fieldId(formName, 'applicant.kind') : undefined}
                {...register('applicant.kind')}
              />{' '}
              {t(`cases.accept.kind.${k}`)}
            </label>
          ))}
          <FieldError
            message={errors['applicant.kind']}
            id={`${fieldId(formName, 'applicant.kind')}-error`}
          />
        </fieldset>

        {kind === 'person' ? (
          <div className="case-grid">
            <TextField
              {...f('applicant.lastName')}
              label={t('cases.accept.lastName')}
              field={register('applicant.lastName')}
              required
              autoComplete="off"
            />
            <TextField
              {...f('applicant.firstName')}
              label={t('cases.accept.firstName')}
              field={register('applicant.firstName')}
              required
              autoComplete="off"
            />
            <TextField
              {...f('applicant.middleName')}
              label={t('cases.accept.middleName')}
              field={register('applicant.middleName')}
              autoComplete="off"
            />
            <TextField
              {...f('applicant.birthDate')}
              type="date"
              label={t('cases.accept.birthDate')}
              field={register('applicant.birthDate')}
              autoComplete="off"
            />
            <ChoiceField
              {...f('applicant.identityDocument.kind')}
              label={t('cases.accept.idKind')}
              field={register('applicant.identityDocument.kind')}
              options={identityDocumentKindSchema.options.map((value) => ({
                value,
                label: t(`cases.idKind.${value}`),
              }))}
            />
            {isPassport && (
              <TextField
                {...f('applicant.identityDocument.series')}
                label={t('cases.accept.idSeries')}
                field={register('applicant.identityDocument.series')}
                autoComplete="off"
              />
            )}
            <TextField
              {...f('applicant.identityDocument.number')}
              label={t('cases.accept.idNumber')}
              field={register('applicant.identityDocument.number')}
              autoComplete="off"
            />
            <TextField
              {...f('applicant.snils')}
              label={t('cases.accept.snils')}
              hint={t('cases.accept.snilsHint')}
              field={register('applicant.snils')}
              autoComplete="off"
            />
          </div>
        ) : (
          <div className="case-grid">
            <TextField
              {...f('applicant.name')}
              label={t('cases.accept.orgName')}
              field={register('applicant.name')}
              required
              autoComplete="off"
            />
            <TextField
              {...f('applicant.inn')}
              label={t('cases.accept.inn')}
              hint={t('cases.accept.innHint')}
              field={register('applicant.inn')}
              required
              autoComplete="off"
            />
            <TextField
              {...f('applicant.ogrn')}
              label={t('cases.accept.ogrn')}
              field={register('applicant.ogrn')}
              autoComplete="off"
            />
            <fieldset className="case-fieldset case-wide">
              <legend>{t('cases.accept.representative')}</legend>
              <div className="case-grid">
                <TextField
                  {...f('applicant.representative.lastName')}
                  label={t('cases.accept.lastName')}
                  field={register('applicant.representative.lastName')}
                  autoComplete="off"
                />
                <TextField
                  {...f('applicant.representative.firstName')}
                  label={t('cases.accept.firstName')}
                  field={register('applicant.representative.firstName')}
                  autoComplete="off"
                />
                <TextField
                  {...f('applicant.representative.middleName')}
                  label={t('cases.accept.middleName')}
                  field={register('applicant.representative.middleName')}
                  autoComplete="off"
                />
              </div>
            </fieldset>
          </div>
        )}
      </fieldset>

      <fieldset className="case-fieldset">
        <legend>{t('cases.accept.contacts')}</legend>
        <div className="case-grid">
          <TextField
            {...f('applicant.phone')}
            type="tel"
            label={t('cases.accept.phone')}
            hint={t('cases.accept.phoneHint')}
            field={register('applicant.phone')}
            autoComplete="off"
          />
          <TextField
            {...f('applicant.email')}
            type="email"
            label={t('cases.accept.email')}
            field={register('applicant.email')}
            autoComplete="off"
          />
        </div>
        <CheckField
          {...f('applicant.consent.sms')}
          label={t('cases.accept.consentSms')}
          field={register('applicant.consent.sms')}
        />
        <CheckField
          {...f('applicant.consent.email')}
          label={t('cases.accept.consentEmail')}
          field={register('applicant.consent.email')}
        />
      </fieldset>

      <fieldset className="case-fieldset" data-testid="accept-documents">
        <legend>{t('cases.accept.documents')}</legend>
        <p className="field-hint">{t('cases.accept.documentsHint')}</p>
        {draft.documents.length === 0 && <p className="muted">{t('cases.accept.noDocuments')}</p>}
        <ol className="case-doc-rows">
          {draft.documents.map((doc, i) => (
            <li key={doc.name} className="case-doc-row" data-testid="accept-document">
              <CheckField
                {...f(`documents.${i}.provided`)}
                label={doc.required ? `${doc.name} (${t('cases.accept.required')})` : doc.name}
                field={register(`documents.${i}.provided`)}
              />
              <div className="case-doc-extra">
                <ChoiceField
                  {...f(`documents.${i}.form`)}
                  label={t('cases.accept.form')}
                  field={register(`documents.${i}.form`)}
                  options={(['original', 'copy'] as const).map((value) => ({
                    value,
                    label: t(`cases.form.${value}`),
                  }))}
                />
                <TextField
                  {...f(`documents.${i}.pages`)}
                  type="number"
                  min={1}
                  label={t('cases.accept.pages')}
                  field={register(`documents.${i}.pages`)}
                />
              </div>
            </li>
          ))}
        </ol>
        {missing.length > 0 && (
          <p className="notice notice-warn" data-testid="accept-missing">
            {t('cases.accept.missingRequired', { names: missing.join(', ') })}
          </p>
        )}
      </fieldset>

      <fieldset className="case-fieldset">
        <legend>{t('cases.accept.feeAndChannel')}</legend>
        {card.fee && (
          <CheckField {...f('feePaid')} label={t('cases.accept.feePaid')} field={register('feePaid')} />
        )}
        <ChoiceField
          {...f('channel')}
          label={t('cases.accept.channel')}
          field={register('channel')}
          options={(['window', 'backoffice', 'outreach'] as const).map((value) => ({
            value,
            label: t(`cases.channel.${value}`),
          }))}
        />
        <TextField
          {...f('comment')}
          multiline
          rows={2}
          label={t('cases.accept.comment')}
          field={register('comment')}
        />
      </fieldset>

      <ErrorSummary form={formName} errors={errors} label={label} />
      {!(form.state.error?.code === 'VALIDATION' && Object.keys(errors).length > 0) && (
        <CaseError error={form.state.error} testId="accept-error" />
      )}
      <p>
        <button
          type="submit"
          className="button button-primary"
          disabled={form.state.busy}
          data-testid="accept-submit"
        >
          {t('cases.accept.submit')}
        </button>
      </p>
    </form>
  );
}
