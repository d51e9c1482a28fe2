/**
 * /quality, «Обращения на контроле»: the follow-ups of low ratings with a comment, by state — open (the
 * overdue among them marked), overdue only, closed — and by office (of the user's scope). Each shows the
 * five scores with their official labels, the comment, service, office, when it was opened and is due (the
 * office's dates) and, once closed, the outcome. The office head records the outcome and closes it
 * (follow-up-card.tsx); analysts read. State and office are in the query string, so a link shows the same.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { followUpStatusSchema } from '../../shared/ratings.js';
import { ChoiceField } from '../admin/components/fields.js';
import { QueryStatus } from '../app/components.js';
import { type MessageKey, useT, useTitle } from '../app/i18n/index.js';
import { FollowUpCard } from './follow-up-card.js';
import type { FollowUpStatus } from './quality-api.js';
import { QualityTabs, useOfficeIndex } from './quality-common.js';
import { qualityQueries } from './quality-queries.js';

const statuses: FollowUpStatus[] = ['open', 'overdue', 'closed'];
const statusKeys: Record<FollowUpStatus, MessageKey> = {
  open: 'quality.fu.status.open',
  overdue: 'quality.fu.status.overdue',
  closed: 'quality.fu.status.closed',
};
const emptyKeys: Record<FollowUpStatus, MessageKey> = {
  open: 'quality.fu.empty.open',
  overdue: 'quality.fu.empty.overdue',
  closed: 'quality.fu.empty.closed',
};

export function FollowUpsPage() {
  const { t, tn } = useT();
  useTitle(t('quality.tab.followUps'));
  const [params, setParams] = useSearchParams();
  const status = followUpStatusSchema.safeParse(params.get('status') ?? undefined).data ?? 'open';
  const office = params.get('office') ?? '';
  const offices = useOfficeIndex();
  const list = useQuery(qualityQueries.followUps({ status, ...(office ? { office } : {}) }));
  // said once a follow-up is closed: its card leaves the open list, so the page says it
  const [said, setSaid] = useState<string | null>(null);
  const hrefOf = (next: FollowUpStatus) => {
    const merged = new URLSearchParams(params);
    if (next === 'open') merged.delete('status');
    else merged.set('status', next);
    const text = merged.toString();
    return text ? `?${text}` : '?';
  };
  const chooseOffice = (code: string) => {
    const merged = new URLSearchParams(params);
    if (code) merged.set('office', code);
    else merged.delete('office');
    setParams(merged, { preventScrollReset: true });
  };
  const items = list.data?.items;
  return (
    <>
      <h1>{t('quality.title')}</h1>
      <QualityTabs />
      <p className="lead">{t('quality.fu.lead')}</p>
      <div className="filters-row quality-filters">
        <ChoiceField
          form="quality-fu"
          path="office"
          label={t('quality.fu.office')}
          value={office}
          onChange={chooseOffice}
          options={[
            { value: '', label: t('quality.fu.allOffices') },
            ...offices.scoped.map((o) => ({ value: o.code, label: o.name })),
          ]}
        />
      </div>
      <nav aria-label={t('quality.fu.statusTabs')} className="quality-tabs quality-status-tabs">
        {statuses.map((s) => (
          <Link
            key={s}
            to={hrefOf(s)}
            preventScrollReset
            aria-current={s === status ? 'page' : undefined}
            data-testid={`fu-tab-${s}`}
          >
            {t(statusKeys[s])}
          </Link>
        ))}
      </nav>
      <div aria-live="polite" role="status">
        {said && <p className="notice notice-ok">{said}</p>}
      </div>
      <section aria-labelledby="quality-fu-title">
        <h2 id="quality-fu-title">{t(statusKeys[status])}</h2>
        <QueryStatus query={list} />
        {items && (
          <>
            <p className="result-count" data-testid="fu-count">
              {tn('quality.fu.count', items.length)}
            </p>
            {items.length === 0 ? (
              <p className="muted">{t(emptyKeys[status])}</p>
            ) : (
              <ul className="quality-fu-list" data-testid="follow-ups">
                {items.map((item) => (
                  <li key={item.id}>
                    <FollowUpCard
                      item={item}
                      office={offices.byCode.get(item.office.code)}
                      canClose={offices.canClose(item.office.code)}
                      onClosed={() => setSaid(t('quality.fu.closed'))}
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}
