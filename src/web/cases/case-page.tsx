/**
 * The case page at /cases/:id: the header (number, service, office, stage, the due date with the days
 * left, overdue or paused), the route as a timeline with the allowed moves and the issue of the result
 * (case-route-panel.tsx), the deadline's explanations and suspensions (case-deadline.tsx), the case's
 * interagency requests (requests-panel.tsx, the registers' screens), the documents
 * (case-documents.tsx), the applicant masked with «Показать полностью» (case-applicant.tsx) and the trail
 * (case-trail.tsx). Everything is the cached case (`caseQueries.case`), replaced by each change's answer;
 * times on the office's clock.
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Case } from '../../shared/cases.js';
import { Badge, NotFoundPanel, QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { CaseApplicant } from './case-applicant.js';
import { CaseDeadline } from './case-deadline.js';
import { CaseDocuments } from './case-documents.js';
import { CaseRoutePanel } from './case-route-panel.js';
import { CaseTrail } from './case-trail.js';
import { type CaseWords, useCaseWords } from './case-words.js';
import { caseLinks } from './cases-api.js';
import { caseQueries } from './cases-queries.js';
import { CaseRequestsPanel } from './requests-panel.js';

export function CasePage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const found = useQuery(caseQueries.case(id));
  const office = useQuery({ ...portalQueries.office(found.data?.office.code ?? ''), enabled: !!found.data });
  const w = useCaseWords(office.data?.timeZone ?? null);
  useTitle(found.data ? t('cases.page.title', { number: found.data.number }) : t('cases.accept.number'));
  if (found.error?.isNotFound || found.error?.status === 400)
    return (
      <NotFoundPanel
        title={t('cases.page.notFound')}
        text={t('cases.page.notFoundText')}
        link="/cases/new"
        linkText={t('cases.nav.accept')}
      />
    );
  if (!found.data) return <QueryStatus query={found} />;
  const c = found.data;
  return (
    <article className="case-page" aria-labelledby="case-title" data-testid="case-page">
      <CaseHeader c={c} w={w} />
      <div className="case-columns">
        <div className="case-main">
          <CaseRoutePanel c={c} w={w} />
          <CaseDeadline c={c} w={w} />
          <div className="case-box case-box-requests">
            <CaseRequestsPanel caseId={c.id} />
          </div>
          <CaseDocuments c={c} w={w} />
        </div>
        <div className="case-side">
          <CaseApplicant c={c} w={w} />
        </div>
      </div>
      <CaseTrail c={c} w={w} />
    </article>
  );
}

function CaseHeader({ c, w }: { c: Case; w: CaseWords }) {
  const { t } = w;
  const tone = c.final ? 'neutral' : c.overdue || c.pausedSince ? 'warn' : 'ok';
  return (
    <header className="case-head">
      <h1 id="case-title" tabIndex={-1}>
        {t('cases.page.title', { number: c.number })}
      </h1>
      <p className="lead">{c.service.title}</p>
      <dl className="case-info">
        <div>
          <dt>{t('cases.page.stage')}</dt>
          <dd data-testid="case-stage">
            <Badge tone={c.final ? 'neutral' : 'ok'}>{c.stage.title}</Badge>
          </dd>
        </div>
        <div>
          <dt>{t('cases.page.due')}</dt>
          <dd data-testid="case-due">
            {w.date(c.dueDate)} {w.due(c) && <Badge tone={tone}>{w.due(c)}</Badge>}
          </dd>
        </div>
        <div>
          <dt>{t('cases.page.office')}</dt>
          <dd>{c.office.name}</dd>
        </div>
        {c.agency && (
          <div>
            <dt>{t('cases.page.agency')}</dt>
            <dd>{c.agency.shortName}</dd>
          </div>
        )}
        <div>
          <dt>{t('cases.page.accepted')}</dt>
          <dd>
            {w.at(c.acceptedAt)}
            {c.acceptedBy ? `, ${c.acceptedBy.name}` : ''} · {w.channel(c.channel)}
          </dd>
        </div>
        <div>
          <dt>{t('cases.page.fee')}</dt>
          <dd>
            {c.fee === null
              ? t('cases.accept.noFee')
              : `${w.money(c.fee)}, ${c.feePaid ? t('cases.page.feePaid') : t('cases.page.feeNotPaid')}`}
          </dd>
        </div>
        {c.storageUntil && !c.issuedAt && (
          <div>
            <dt>{t('cases.page.storageUntil')}</dt>
            <dd>{w.date(c.storageUntil)}</dd>
          </div>
        )}
        {c.issuedAt && (
          <div>
            <dt>{t('cases.page.issuedAt')}</dt>
            <dd>{w.at(c.issuedAt)}</dd>
          </div>
        )}
      </dl>
      <p>
        <a
          href={caseLinks.receipt(c.id)}
          target="_blank"
          rel="noopener"
          className="button"
          data-testid="case-receipt"
        >
          {t('cases.page.print')}
        </a>
      </p>
    </header>
  );
}
