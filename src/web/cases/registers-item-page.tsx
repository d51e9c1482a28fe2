/**
 * /cases/registers/:id: one register — its kind, office, agency, status and history (built, handed to the
 * courier, accepted), its cases (late ones flagged), and what may be done now as the API says (`actions`):
 * «Печать» opens the PDF (each print is on every case's trail), «Передан курьеру» records the courier,
 * «Принят ведомством» who signed for it; a case can be taken off a draft.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Register } from '../../shared/case-registers.js';
import { TextField } from '../admin/components/fields.js';
import { TableScroll } from '../admin/components/list-page.js';
import { useSubmit } from '../admin/components/use-submit.js';
import { Badge, NotFoundPanel, QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { hasRole, useMe } from '../staff/auth.js';
import { useOfficeNames } from './cases-lists-table.js';
import { useCaseListWords } from './cases-lists-words.js';
import { registerChanged, registerPdfUrl, registerQueries, registersApi } from './registers-queries.js';
import { CaseActionStatus, registerRoles, useRegisterWords } from './registers-words.js';

/** A one-field form of the register's next step: the courier's name, or who accepted it. */
function StepForm(props: {
  register: Register;
  path: 'courier' | 'acceptedBy';
  label: string;
  button: string;
  done: string;
  send: (value: string) => Promise<Register>;
  /** Said by the page: the form itself is gone once the register moved on. */
  onDone: (message: string) => void;
}) {
  const { t } = useT();
  const client = useQueryClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const step = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setError(t('clist.reg.required'));
      return;
    }
    setError(undefined);
    void step.run(
      () => props.send(value.trim()),
      (register) => {
        props.onDone(props.done);
        void registerChanged(client, register);
      },
      props.done,
    );
  };
  return (
    <form className="clist-panel" aria-label={props.button} onSubmit={submit} noValidate>
      <TextField
        form={`register-${props.path}`}
        path={props.path}
        label={props.label}
        value={value}
        onChange={setValue}
        errors={error ? { [props.path]: error } : undefined}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={step.busy}>
          {props.button}
        </button>
      </div>
      <CaseActionStatus state={step} testId={`register-${props.path}-status`} />
    </form>
  );
}

export function RegisterItemPage() {
  const { t, tn } = useT();
  const { id = '' } = useParams();
  const w = useRegisterWords();
  const cw = useCaseListWords();
  const names = useOfficeNames();
  const { me } = useMe();
  const client = useQueryClient();
  const register = useQuery(registerQueries.register(id));
  const remove = useSubmit();
  const [said, setSaid] = useState<string | null>(null);
  const r = register.data;
  useTitle(r ? t('clist.reg.titleOf', { number: r.number }) : t('clist.reg.title'));
  const back = (
    <p className="breadcrumbs">
      <Link to="/cases/registers">{t('clist.reg.title')}</Link>
    </p>
  );
  if (register.error?.isNotFound)
    return (
      <NotFoundPanel
        title={t('clist.reg.notFound')}
        text={t('clist.reg.notFoundText')}
        link="/cases/registers"
        linkText={t('clist.reg.title')}
      />
    );
  if (!r)
    return (
      <>
        {back}
        <QueryStatus query={register} />
      </>
    );
  const canAct = hasRole(me, ...registerRoles);
  const timeZone = names.get(r.office.code)?.timeZone;
  const draft = r.status === 'draft';
  return (
    <>
      {back}
      <h1>{t('clist.reg.titleOf', { number: r.number })}</h1>
      <dl className="clist-facts" data-testid="register-facts">
        <dt>{t('clist.reg.kind')}</dt>
        <dd>{w.kind(r.kind)}</dd>
        <dt>{t('clist.office')}</dt>
        <dd>{r.office.name}</dd>
        <dt>{t('clist.agency')}</dt>
        <dd>{r.agency.shortName}</dd>
        <dt>{t('clist.reg.statusLabel')}</dt>
        <dd data-testid="register-status">
          <Badge tone={r.status === 'accepted' ? 'ok' : 'neutral'}>{w.status(r.status)}</Badge>
        </dd>
        <dt>{t('clist.reg.created')}</dt>
        <dd>
          {cw.at(r.createdAt, timeZone)}
          {r.createdBy && `, ${r.createdBy.name}`}
        </dd>
        {r.handedOverAt && (
          <>
            <dt>{t('clist.reg.handedOver')}</dt>
            <dd data-testid="register-courier">
              {cw.at(r.handedOverAt, timeZone)}
              {r.courier && `, ${t('clist.reg.courierIs', { courier: r.courier })}`}
            </dd>
          </>
        )}
        {r.acceptedAt && (
          <>
            <dt>{t('clist.reg.acceptedAt')}</dt>
            <dd data-testid="register-accepted">
              {cw.at(r.acceptedAt, timeZone)}
              {r.acceptedBy && `, ${r.acceptedBy}`}
            </dd>
          </>
        )}
        <dt>{t('clist.reg.printed')}</dt>
        <dd>{tn('clist.reg.printedTimes', r.printed)}</dd>
      </dl>

      {/* always there, so the news is announced when it comes */}
      <p className={said ? 'notice notice-ok' : 'visually-hidden'} role="status" data-testid="register-said">
        {said}
      </p>
      {canAct && r.actions.includes('print') && (
        <p>
          <a
            className="button"
            href={registerPdfUrl(r.id)}
            target="_blank"
            rel="noopener"
            data-testid="register-print"
            // the print is counted by the server: show the new count when the user comes back
            onClick={() =>
              void client.invalidateQueries({ queryKey: registerQueries.register(r.id).queryKey })
            }
          >
            {t('clist.reg.print')}
          </a>
        </p>
      )}
      {canAct && r.actions.includes('handover') && (
        <StepForm
          register={r}
          path="courier"
          label={t('clist.reg.courier')}
          button={t('clist.reg.handover')}
          done={t('clist.reg.handoverDone')}
          send={(courier) => registersApi.handover(r.id, courier)}
          onDone={setSaid}
        />
      )}
      {canAct && r.actions.includes('accept') && (
        <StepForm
          register={r}
          path="acceptedBy"
          label={t('clist.reg.acceptedBy')}
          button={t('clist.reg.accept')}
          done={t('clist.reg.acceptDone')}
          send={(acceptedBy) => registersApi.accept(r.id, acceptedBy)}
          onDone={setSaid}
        />
      )}

      <h2>{t('clist.reg.items')}</h2>
      <p className="result-count">
        {tn('clist.reg.itemCount', r.items.length)}
        {r.lateCount > 0 && <> · {tn('clist.reg.lateCount', r.lateCount)}</>}
      </p>
      <CaseActionStatus state={remove} />
      <TableScroll label={t('clist.reg.items')}>
        <table className="admin-table" data-testid="register-items">
          <thead>
            <tr>
              <th scope="col">{t('clist.col.number')}</th>
              <th scope="col">{t('clist.col.service')}</th>
              <th scope="col">{t('clist.col.applicant')}</th>
              <th scope="col">{t('clist.col.stage')}</th>
              <th scope="col">{t('clist.col.accepted')}</th>
              <th scope="col">{t('clist.col.due')}</th>
              {canAct && draft && (
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {r.items.map((c) => (
              <tr key={c.id} className={c.late ? 'clist-row-overdue' : undefined}>
                <th scope="row" className="clist-number">
                  <Link to={`/cases/${c.id}`}>{c.number}</Link>
                </th>
                <td>{c.service.title}</td>
                <td>{c.applicant}</td>
                <td>{c.stage.title}</td>
                <td>{cw.dayOf(c.acceptedAt, timeZone)}</td>
                <td>
                  {cw.day(c.dueDate)}
                  {c.late && <Badge tone="warn">{t('clist.reg.late')}</Badge>}
                </td>
                {canAct && draft && (
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      disabled={remove.busy}
                      aria-label={t('clist.reg.removeCase', { number: c.number })}
                      onClick={() =>
                        remove.run(
                          () => registersApi.removeCase(r.id, c.id),
                          (next) => void registerChanged(client, next),
                          t('clist.reg.removed', { number: c.number }),
                        )
                      }
                    >
                      {t('clist.reg.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
