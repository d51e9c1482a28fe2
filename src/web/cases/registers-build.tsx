/**
 * «Сформировать реестр»: an office (of the user's back-office scope), an agency and a kind — transfer
 * (packages accepted and not yet sent; those not sent by the working day after acceptance flagged as late,
 * the law's rule), results (coming back from the agency), return (results unclaimed past their storage
 * term) — then the candidates, all ticked; unticking leaves a case for a later register. Building it opens
 * the register's page.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RegisterKind } from '../../shared/case-registers.js';
import { sortedBy } from '../../shared/collation.js';
import { ChoiceField } from '../admin/components/fields.js';
import { TableScroll } from '../admin/components/list-page.js';
import { useSubmit } from '../admin/components/use-submit.js';
import { Badge, QueryStatus } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { useMe } from '../staff/auth.js';
import { coversOffice } from '../staff/scope.js';
import { useCaseListWords } from './cases-lists-words.js';
import { registerChanged, registerQueries, registersApi } from './registers-queries.js';
import { CaseActionStatus, registerKinds, registerRoles, useRegisterWords } from './registers-words.js';

const form = 'register-build';

export function RegisterBuild() {
  const { t, tn } = useT();
  const w = useRegisterWords();
  const cw = useCaseListWords();
  const { me } = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const offices = useQuery(portalQueries.offices({}));
  const agencies = useQuery(portalQueries.agencies());
  const scoped = useMemo(
    () =>
      sortedBy(
        (offices.data ?? []).filter((o) => coversOffice(me?.grants ?? [], o, registerRoles)),
        (o) => o.name,
      ),
    [me, offices.data],
  );
  const [office, setOffice] = useState('');
  const [agency, setAgency] = useState('');
  const [kind, setKind] = useState<RegisterKind>('transfer');
  // the cases left off (unticked): everything else found goes on the register
  const [leftOff, setLeftOff] = useState<Set<string>>(new Set());
  const chosenOffice = office || (scoped.length === 1 ? scoped[0].code : '');
  const ready = chosenOffice !== '' && agency !== '';
  const candidates = useQuery({
    ...registerQueries.candidates({ office: chosenOffice, agency, kind }),
    enabled: ready,
  });
  const build = useSubmit();
  const items = candidates.data?.items ?? [];
  const picked = items.filter((c) => !leftOff.has(c.id));
  const lateCount = items.filter((c) => c.late).length;
  const timeZone = scoped.find((o) => o.code === chosenOffice)?.timeZone;

  const change = (set: (value: string) => void) => (value: string) => {
    set(value);
    setLeftOff(new Set());
    build.clear();
  };

  return (
    <section aria-labelledby="register-build-title" className="clist-panel" data-testid="register-build">
      <h2 id="register-build-title">{t('clist.reg.build')}</h2>
      <div className="filters-row">
        <ChoiceField
          form={form}
          path="office"
          label={t('clist.office')}
          value={chosenOffice}
          onChange={change(setOffice)}
          options={[
            { value: '', label: t('clist.reg.pickOffice') },
            ...scoped.map((o) => ({ value: o.code, label: o.name })),
          ]}
        />
        <ChoiceField
          form={form}
          path="agency"
          label={t('clist.agency')}
          value={agency}
          onChange={change(setAgency)}
          options={[
            { value: '', label: t('clist.reg.pickAgency') },
            ...sortedBy(agencies.data ?? [], (a) => a.shortName).map((a) => ({
              value: a.code,
              label: a.shortName,
            })),
          ]}
        />
        <ChoiceField
          form={form}
          path="kind"
          label={t('clist.reg.kind')}
          value={kind}
          onChange={change((value) => setKind(value as RegisterKind))}
          options={registerKinds.map((k) => ({ value: k, label: w.kind(k) }))}
        />
      </div>
      <p className="small muted">{w.kindHint(kind)}</p>
      {!ready && <p>{t('clist.reg.pickFirst')}</p>}
      {ready && <QueryStatus query={candidates} />}
      {ready && candidates.data && (
        <>
          <p className="result-count" aria-live="polite" data-testid="candidate-count">
            {tn('clist.reg.candidates', items.length)}
            {lateCount > 0 && <> · {tn('clist.reg.lateCount', lateCount)}</>}
          </p>
          {items.length > 0 && (
            <TableScroll label={t('clist.reg.candidatesTitle')}>
              <table className="admin-table" data-testid="register-candidates">
                <thead>
                  <tr>
                    <th scope="col">{t('clist.reg.take')}</th>
                    <th scope="col">{t('clist.col.number')}</th>
                    <th scope="col">{t('clist.col.service')}</th>
                    <th scope="col">{t('clist.col.applicant')}</th>
                    <th scope="col">{t('clist.col.accepted')}</th>
                    <th scope="col">{t('clist.col.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id} className={c.late ? 'clist-row-overdue' : undefined}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('clist.reg.takeCase', { number: c.number })}
                          checked={!leftOff.has(c.id)}
                          onChange={(e) =>
                            setLeftOff((prev) => {
                              const next = new Set(prev);
                              if (e.target.checked) next.delete(c.id);
                              else next.add(c.id);
                              return next;
                            })
                          }
                        />
                      </td>
                      <th scope="row" className="clist-number">
                        {c.number}
                      </th>
                      <td>{c.service.title}</td>
                      <td>{c.applicant}</td>
                      <td>{cw.dayOf(c.acceptedAt, timeZone)}</td>
                      <td>
                        {cw.day(c.dueDate)}
                        {c.late && <Badge tone="warn">{t('clist.reg.late')}</Badge>}
                        {c.storageUntil && (
                          <span className="small muted block">
                            {t('clist.reg.storageUntil', { date: cw.day(c.storageUntil) })}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {items.length === 0 && <p className="muted">{t('clist.reg.noCandidates')}</p>}
          {items.length > 0 && (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={
                  build.busy || picked.length === 0 || (picked.length > 500 && picked.length < items.length)
                }
                onClick={() =>
                  build.run(
                    () =>
                      registersApi.create({
                        office: chosenOffice,
                        agency,
                        kind,
                        // the cases seen and ticked, not whatever became a candidate meanwhile (the API takes 500 at most)
                        cases: picked.length <= 500 ? picked.map((c) => c.id) : undefined,
                      }),
                    async (register) => {
                      await registerChanged(client, register);
                      navigate(`/cases/registers/${register.id}`);
                    },
                  )
                }
              >
                {tn('clist.reg.buildN', picked.length)}
              </button>
              <CaseActionStatus state={build} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
