/**
 * The console of a window the operator holds: the seat (window, office, state) with a link to the office
 * head's screen for those who have it, the ticket at the window with its actions (current-ticket.tsx), and
 * beside it the window's queue (queue-panel.tsx) and «Выдать талон» (issue-form.tsx). Live: the office's
 * board events refresh the window and the overview at once (live.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { MyWindow, WindowState } from '../../shared/queue.js';
import { Badge } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { hasRole, useMe } from '../staff/auth.js';
import { CurrentTicket } from './current-ticket.js';
import { IssueForm } from './issue-form.js';
import { useQueueLive } from './live.js';
import { queueQueries } from './queries.js';
import { QueuePanel } from './queue-panel.js';

export type HeldWindow = { mine: MyWindow; office: NonNullable<MyWindow['office']>; window: WindowState };

export function Console({ mine, office, window, focusOnMount }: HeldWindow & { focusOnMount: boolean }) {
  const { t } = useT();
  const { me } = useMe();
  const heading = useRef<HTMLHeadingElement>(null);
  const overview = useQuery(queueQueries.overview(office.code));
  useQueueLive(office.code);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  return (
    <>
      <div className="op-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('operator.title')}
        </h1>
        <p className="lead" data-testid="op-seat">
          {t('operator.seat', { label: window.label, office: office.name })}{' '}
          <Badge tone={window.status === 'open' ? 'ok' : 'warn'}>
            {window.status === 'paused'
              ? t('operator.paused', { reason: window.pauseReason ?? '' })
              : t(`queue.window.${window.status}`)}
          </Badge>
        </p>
        {hasRole(me, 'office_head', 'admin') && (
          <p>
            <Link to={`/office/${encodeURIComponent(office.code)}`}>{t('operator.officeScreen')}</Link>
          </p>
        )}
      </div>
      <div className="op-grid">
        <CurrentTicket mine={mine} office={office} window={window} overview={overview.data} />
        <div className="op-side">
          <QueuePanel window={window} office={office} overview={overview} />
          <IssueForm office={office} />
        </div>
      </div>
    </>
  );
}
