/**
 * The period at a glance: visits with their growth on last year, the wait (mean and 90th percentile,
 * booked and walk-in), the share waiting over 15 minutes, the time at the window, visits per window per
 * day, cases on time and late, bookings with their no-shows, ratings with the satisfied share.
 */
import type { ReactNode } from 'react';
import type { AnalyticsSummary } from '../../shared/analytics.js';
import { useT } from '../app/i18n/index.js';
import { useAnalyticsFormat } from './analytics-format.js';
import { Figure } from './analytics-table.js';

function Card(props: { title: string; value: string | null; testId: string; children?: ReactNode }) {
  return (
    <div className="an-card" data-testid={props.testId}>
      <dt>{props.title}</dt>
      <dd>
        <span className="an-card-value">
          <Figure value={props.value} />
        </span>
        {props.children}
      </dd>
    </div>
  );
}

function Pair(props: { label: string; value: string | null }) {
  return (
    <span className="an-card-line">
      {props.label}: <Figure value={props.value} />
    </span>
  );
}

export function FigureCards({ s }: { s: AnalyticsSummary }) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  return (
    <section className="an-section" aria-labelledby="an-cards-title">
      <h2 id="an-cards-title">{t('an.cards.title')}</h2>
      <dl className="an-cards">
        <Card title={t('an.card.visits')} value={f.integer(s.visits)} testId="card-visits">
          <span className="an-card-line">
            {s.growth === null
              ? t('an.card.noGrowth')
              : t('an.card.growth', {
                  growth: f.growth(s.growth) ?? '',
                  prev: f.integer(s.visitsPrevYear) ?? '',
                })}
          </span>
        </Card>
        <Card title={t('an.card.wait')} value={f.minutes(s.avgWaitMinutes)} testId="card-wait">
          <span className="an-card-line">{t('an.card.avgWait')}</span>
          <Pair label={t('an.card.booked')} value={f.minutes(s.avgWaitBookedMinutes)} />
          <Pair label={t('an.card.walkIn')} value={f.minutes(s.avgWaitWalkInMinutes)} />
        </Card>
        <Card title={t('an.card.p90Wait')} value={f.minutes(s.p90WaitMinutes)} testId="card-p90">
          <Pair label={t('an.card.booked')} value={f.minutes(s.p90WaitBookedMinutes)} />
          <Pair label={t('an.card.walkIn')} value={f.minutes(s.p90WaitWalkInMinutes)} />
        </Card>
        <Card title={t('an.card.over15')} value={f.percent(s.shareWaitOver15)} testId="card-over15">
          <span className="an-card-line">{t('an.card.over15Text')}</span>
        </Card>
        <Card title={t('an.card.service')} value={f.minutes(s.avgServiceMinutes)} testId="card-service">
          <span className="an-card-line">{t('an.card.serviceText')}</span>
        </Card>
        <Card title={t('an.card.perWindow')} value={f.decimal(s.visitsPerWindowDay)} testId="card-per-window">
          <span className="an-card-line">{t('an.card.perWindowText')}</span>
        </Card>
        <Card
          title={t('an.card.cases')}
          value={f.integer(s.casesOnTime + s.casesOverdue)}
          testId="card-cases"
        >
          <Pair label={t('an.card.casesOnTime')} value={f.integer(s.casesOnTime)} />
          <Pair label={t('an.card.casesOverdue')} value={f.integer(s.casesOverdue)} />
        </Card>
        <Card title={t('an.card.bookings')} value={f.integer(s.bookings)} testId="card-bookings">
          <span className="an-card-line">
            {t('an.card.noShow', { share: f.percent(s.noShowRate) ?? t('an.none') })}
          </span>
        </Card>
        <Card title={t('an.card.ratings')} value={f.integer(s.ratings)} testId="card-ratings">
          <span className="an-card-line">
            {t('an.card.satisfied', { share: f.percent(s.satisfiedShare) ?? t('an.none') })}
          </span>
        </Card>
      </dl>
    </section>
  );
}
