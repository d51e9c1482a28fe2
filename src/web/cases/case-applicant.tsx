/**
 * The applicant as the case page shows them first — masked («Иванов И. И.», «паспорт •• •• ••••56») — and
 * «Показать полностью»: the full data is read only on that press (GET …/applicant), which the server
 * writes into the case's trail and the security log (152-ФЗ); the page says so beside the button.
 * «Скрыть» drops the full data from the cache at once.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Case, FullApplicant } from '../../shared/cases.js';
import { QueryStatus } from '../app/components.js';
import { queryClient } from '../app/query-client.js';
import { queryKeys } from '../app/query-keys.js';
import type { CaseWords } from './case-words.js';
import { caseQueries } from './cases-queries.js';

export function CaseApplicant({ c, w }: { c: Case; w: CaseWords }) {
  const { t } = w;
  const [shown, setShown] = useState(false);
  const full = useQuery(caseQueries.applicant(c.id, shown));
  const a = c.applicant;
  const rows: [string, string | null][] = [
    [t('cases.applicant.name'), a.name],
    [t('cases.applicant.phone'), a.phone],
    [t('cases.applicant.email'), a.email],
    [t('cases.applicant.document'), a.document],
    [t('cases.applicant.inn'), a.inn],
  ];
  return (
    <section aria-labelledby="case-applicant" className="case-box" data-testid="case-applicant">
      <h2 id="case-applicant">{t('cases.applicant.title')}</h2>
      {!(shown && full.data) && (
        <dl className="case-info case-info-narrow" data-testid="case-applicant-masked">
          {rows.flatMap(([label, value]) =>
            value
              ? [
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>,
                ]
              : [],
          )}
        </dl>
      )}
      {shown ? (
        <>
          <QueryStatus query={full} />
          {full.data && <FullData a={full.data} w={w} />}
          <button
            type="button"
            className="button"
            onClick={() => {
              setShown(false);
              queryClient.removeQueries({ queryKey: queryKeys.cases.applicant(c.id) });
            }}
          >
            {t('cases.applicant.hide')}
          </button>
        </>
      ) : (
        <>
          <p className="muted small" id="case-applicant-warning">
            {t('cases.applicant.showWarning')}
          </p>
          <button
            type="button"
            className="button"
            aria-describedby="case-applicant-warning"
            onClick={() => setShown(true)}
            data-testid="case-applicant-show"
          >
            {t('cases.applicant.show')}
          </button>
        </>
      )}
    </section>
  );
}

function FullData({ a, w }: { a: FullApplicant; w: CaseWords }) {
  const { t } = w;
  const person = [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');
  const doc = a.identityDocument;
  const consent = [
    a.consent.sms ? t('cases.applicant.consentSms') : '',
    a.consent.email ? t('cases.applicant.consentEmail') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const rows: [string, string | null][] = [
    [t('cases.applicant.name'), a.kind === 'person' ? person : a.name],
    [t('cases.applicant.birthDate'), a.birthDate ? w.date(a.birthDate) : null],
    [
      t('cases.applicant.document'),
      doc ? `${t(`cases.idKind.${doc.kind}`)} ${[doc.series, doc.number].filter(Boolean).join(' ')}` : null,
    ],
    [t('cases.applicant.snils'), a.snils],
    [t('cases.applicant.inn'), a.inn],
    [t('cases.applicant.ogrn'), a.ogrn],
    [t('cases.applicant.representative'), a.representative],
    [t('cases.applicant.phone'), a.phone],
    [t('cases.applicant.email'), a.email],
    [t('cases.applicant.consent'), consent || t('cases.applicant.noConsent')],
  ];
  return (
    <>
      <p className="notice notice-warn" role="status">
        {t('cases.applicant.full')}
      </p>
      <dl className="case-info case-info-narrow" data-testid="case-applicant-full">
        {rows.flatMap(([label, value]) =>
          value
            ? [
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>,
              ]
            : [],
        )}
      </dl>
    </>
  );
}
