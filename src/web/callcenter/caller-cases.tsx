/**
 * The call center's cases (issue 8, issue 11): a caller's cases in the caller panel — masked (the number but
 * its last four digits, the applicant as lists show them) until the caller is verified on this call, then in
 * full: the number, the applicant's name and contacts and the status as the citizen sees it (the server
 * logged the view, on each case's trail too) — and a case found by its number (its status and the
 * applicant masked: the operator is signed in, no PIN is asked).
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { CallerCase } from '../../shared/callcenter.js';
import { parseCaseNumber } from '../../shared/case-number.js';
import { ApiError } from '../app/api.js';
import { QueryStatus } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { useBookingFormat } from '../portal/book-steps/format.js';
import { StatusView } from '../status/status-view.js';
import { callcenterQueries } from './queries.js';

export function CallerCases({ cases, full }: { cases: CallerCase[]; full: boolean }) {
  const { t } = useT();
  const format = useBookingFormat();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} data-testid="caller-cases">
      <h4 id={titleId}>{t('ccCases.title')}</h4>
      {cases.length === 0 ? (
        <p className="muted">{t('ccCases.none')}</p>
      ) : (
        <>
          {full ? (
            <p className="notice small" role="status" data-testid="cases-full">
              {t('ccCases.full')}
            </p>
          ) : (
            <p className="muted small">{t('ccCases.masked')}</p>
          )}
          <ul className="cc-list">
            {cases.map((c) => (
              <li key={c.id} data-testid="caller-case">
                <strong data-testid="caller-case-number">{t('ccCases.number', { number: c.number })}</strong>{' '}
                · {c.service.title}
                <span className="block">
                  {t('ccCases.stage')}: <strong>{c.stage.title}</strong>
                  {!c.final && ` · ${t('ccCases.due')}: ${format.day(c.dueDate)}`}
                </span>
                <span className="muted small block">
                  {t('ccCases.office')}: {c.office.name} · {t('ccCases.applicant')}: {c.applicantMasked}
                </span>
                {c.applicant && (
                  <dl className="facts" data-testid="caller-case-applicant">
                    <div>
                      <dt>{t('ccCases.applicant')}</dt>
                      <dd>{c.applicant.name}</dd>
                    </div>
                    {c.applicant.phone && (
                      <div>
                        <dt>{t('ccCases.phone')}</dt>
                        <dd>{c.applicant.phone}</dd>
                      </div>
                    )}
                    {c.applicant.email && (
                      <div>
                        <dt>{t('ccCases.email')}</dt>
                        <dd>{c.applicant.email}</dd>
                      </div>
                    )}
                  </dl>
                )}
                {c.status && <StatusView status={c.status} variant="staff" />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** «Дело по номеру»: the number as the caller reads it out (spaces, a «№», the status link all do). */
export function CaseSearch() {
  const { t } = useT();
  const ids = useId();
  const [draft, setDraft] = useState('');
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState(false);
  const found = useQuery(callcenterQueries.caseByNumber(number));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCaseNumber(draft);
    setProblem(parsed === null);
    if (parsed) setNumber(parsed);
  };
  const notFound = found.error instanceof ApiError && found.error.isNotFound;
  return (
    <section aria-labelledby={`${ids}-title`} className="cc-panel" data-testid="case-search">
      <h2 id={`${ids}-title`}>{t('ccCases.search')}</h2>
      <form className="cc-inline-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-number`}>{t('ccCases.searchLabel')}</label>
          <input
            id={`${ids}-number`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="48-2026-0001234"
            value={draft}
            aria-invalid={problem || undefined}
            aria-describedby={problem ? `${ids}-error` : undefined}
            data-testid="case-search-number"
            onChange={(e) => setDraft(e.target.value)}
          />
          {problem && (
            <p className="field-error" id={`${ids}-error`}>
              {t('ccCases.badNumber')}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary">
          {t('ccCases.find')}
        </button>
      </form>
      {notFound ? (
        <p className="notice" role="status" data-testid="case-search-none">
          {t('ccCases.notFound')}
        </p>
      ) : (
        number !== '' && <QueryStatus query={found} />
      )}
      {found.data && (
        <div data-testid="case-search-found">
          <h3>{t('status.heading', { number: found.data.status.number })}</h3>
          <p>
            {t('ccCases.applicant')}: <strong>{found.data.applicant.name}</strong>
            {found.data.applicant.phone && ` · ${found.data.applicant.phone}`}
          </p>
          <StatusView status={found.data.status} variant="staff" />
        </div>
      )}
    </section>
  );
}
