/**
 * Interagency requests of one case, for the case page: `<CaseRequestsPanel caseId={id} />` lists them
 * (status, when it must go out, when its answer is due, overdue marks, the answer once it came) and — for
 * staff who may write — asks a new one: an agency (the case's own when left so) and what is asked. The
 * case's deadline stands still while a request waits (the server suspends it); the case's lists refresh.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AgencyRequest } from '../../shared/case-registers.js';
import { sortedBy } from '../../shared/collation.js';
import { ChoiceField, TextField } from '../admin/components/fields.js';
import { useSubmit } from '../admin/components/use-submit.js';
import { Badge, QueryStatus } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { hasRole, useMe } from '../staff/auth.js';
import { useOfficeNames } from './cases-lists-table.js';
import { useCaseListWords } from './cases-lists-words.js';
import { registerQueries, registersApi, requestChanged } from './registers-queries.js';
import { CaseActionStatus, requestRoles, useRegisterWords } from './registers-words.js';

/** A request's state in words: its status, the day it must go out or its answer is due, overdue marks. */
export function RequestState({ request }: { request: AgencyRequest }) {
  const { t } = useT();
  const w = useRegisterWords();
  const cw = useCaseListWords();
  return (
    <>
      <Badge tone={request.status === 'answered' ? 'ok' : request.status === 'failed' ? 'warn' : 'neutral'}>
        {w.requestStatus(request.status)}
      </Badge>
      {request.status === 'queued' && (
        <span className="small block">{t('clist.req.sendBy', { date: cw.day(request.sendBy) })}</span>
      )}
      {request.status === 'sent' && request.answerDue && (
        <span className="small block">{t('clist.req.answerDue', { date: cw.day(request.answerDue) })}</span>
      )}
      {request.sendOverdue && <Badge tone="warn">{t('clist.req.sendOverdue')}</Badge>}
      {request.answerOverdue && <Badge tone="warn">{t('clist.req.answerOverdue')}</Badge>}
    </>
  );
}

/** «Внести ответ»: the answer typed from a paper or an e-mail (an agency without an adapter). */
function ManualAnswer({ request }: { request: AgencyRequest }) {
  const { t } = useT();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const answer = useSubmit();
  const path = `answer-${request.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('clist.req.answerRequired'));
      return;
    }
    setError(undefined);
    void answer.run(
      () => registersApi.answerRequest(request.id, text.trim()),
      () => void requestChanged(client),
      t('clist.req.answered'),
    );
  };
  return (
    <details className="clist-manual-answer">
      <summary>{t('clist.req.manualAnswer')}</summary>
      <form onSubmit={submit} noValidate aria-label={t('clist.req.manualAnswer')}>
        <TextField
          form="request-answer"
          path={path}
          label={t('clist.req.answerText')}
          multiline
          rows={3}
          value={text}
          onChange={setText}
          errors={error ? { [path]: error } : undefined}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={answer.busy}>
            {t('clist.req.saveAnswer')}
          </button>
        </div>
        <CaseActionStatus state={answer} />
      </form>
    </details>
  );
}

function NewRequestForm({ caseId }: { caseId: string }) {
  const { t } = useT();
  const client = useQueryClient();
  const agencies = useQuery(portalQueries.agencies());
  const [agency, setAgency] = useState('');
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!subject.trim()) {
      setError(t('clist.req.subjectRequired'));
      return;
    }
    setError(undefined);
    void send.run(
      () =>
        registersApi.createRequest({ case: caseId, agency: agency || undefined, subject: subject.trim() }),
      () => {
        setSubject('');
        void requestChanged(client);
      },
      t('clist.req.created'),
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('clist.req.new')} data-testid="new-request">
      <h3>{t('clist.req.new')}</h3>
      <ChoiceField
        form="case-request"
        path="agency"
        label={t('clist.agency')}
        value={agency}
        onChange={setAgency}
        options={[
          { value: '', label: t('clist.req.caseAgency') },
          ...sortedBy(agencies.data ?? [], (a) => a.shortName).map((a) => ({
            value: a.code,
            label: a.shortName,
          })),
        ]}
      />
      <TextField
        form="case-request"
        path="subject"
        label={t('clist.req.subject')}
        hint={t('clist.req.subjectHint')}
        multiline
        rows={3}
        value={subject}
        onChange={setSubject}
        errors={error ? { subject: error } : undefined}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={send.busy}>
          {t('clist.req.send')}
        </button>
      </div>
      <CaseActionStatus state={send} testId="new-request-status" />
    </form>
  );
}

/** Shown to the roles that may ask agencies; nothing for the others (the call center). */
export function CaseRequestsPanel({ caseId }: { caseId: string }) {
  const { me } = useMe();
  return hasRole(me, ...requestRoles) ? <RequestsOfCase caseId={caseId} /> : null;
}

function RequestsOfCase({ caseId }: { caseId: string }) {
  const { t } = useT();
  const cw = useCaseListWords();
  const names = useOfficeNames();
  const list = useInfiniteQuery(registerQueries.requests({ case: caseId }));
  const rows = list.data?.pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="clist-requests-title" className="clist-panel" data-testid="case-requests">
      <h2 id="clist-requests-title">{t('clist.req.ofCase')}</h2>
      <QueryStatus query={list} />
      {rows && rows.length === 0 && <p className="muted">{t('clist.req.none')}</p>}
      {rows && rows.length > 0 && (
        <ul className="clist-requests">
          {rows.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{r.agency.shortName}</strong>: {r.subject}
              </p>
              <p>
                <RequestState request={r} />
              </p>
              {r.answer && (
                <blockquote className="clist-answer">
                  <p className="small muted">
                    {t('clist.req.answer')}
                    {r.answeredAt && `, ${cw.at(r.answeredAt, names.get(r.office)?.timeZone)}`}
                    {r.answer.reference && ` · ${r.answer.reference}`}
                  </p>
                  <p>{r.answer.text}</p>
                </blockquote>
              )}
              {r.status !== 'answered' && <ManualAnswer request={r} />}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()}>
          {t('clist.more')}
        </button>
      )}
      <NewRequestForm caseId={caseId} />
    </section>
  );
}
