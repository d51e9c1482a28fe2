/**
 * A case's status as every channel shows it (the portal's /status, the kiosk, the call center): what is
 * happening now in the agency's words, the expected date (or why the term is paused), where to collect the
 * result and until when, and the route as a timeline — stages passed with their dates, the current one,
 * those to come. Dates are the office's: a stage's instant is read on its clock. On the portal, a case with a
 * rating token (issue 12) offers «Оценить».
 */
import './status.css';
import '../rating/rating.css';
import { Link } from 'react-router';
import type { CaseStatus } from '../../shared/cases.js';
import { useT } from '../app/i18n/index.js';
import { localOf, useBookingFormat } from '../portal/book-steps/format.js';
import { ratePath } from '../rating/rating-api.js';
import { timelineOf } from './case-timeline.js';

export type StatusVariant = 'portal' | 'kiosk' | 'staff';

export function StatusView({ status, variant }: { status: CaseStatus; variant: StatusVariant }) {
  const { t, date } = useT();
  const format = useBookingFormat();
  const zone = status.collect.office.timeZone;
  // «1 декабря» on the office's clock: «пройден 1 декабря», «сейчас, с 1 декабря»
  const stageDay = (at: string | null) => (at ? date(localOf(at, zone).date) : '');
  const steps = timelineOf(status);
  const ended = status.final && !status.issued;
  // «Оценить» (issue 12) where the citizen reads on their own screen: not the kiosk's (its exit screen
  // rates) nor the call center's
  const ratingToken = variant === 'portal' ? status.ratingToken : null;
  return (
    <div className={`case-status case-status-${variant}`} data-testid="case-status">
      <section className="case-status-now" aria-labelledby="case-status-now">
        <p className="case-status-label" id="case-status-now">
          {t('status.now')}
        </p>
        <p className="case-status-stage" data-testid="case-status-stage">
          {status.stage.title}
        </p>
        <p className="case-status-text">{status.stage.citizenText}</p>
        {status.resultReady && <p className="case-status-ready">{t('status.ready')}</p>}
        {status.issued && <p className="case-status-ready">{t('status.issued')}</p>}
        {ended && <p>{t('status.ended')}</p>}
      </section>
      {ratingToken && (
        <section className="rating-call" aria-labelledby="case-status-rate" data-testid="case-status-rate">
          <h2 id="case-status-rate">{t('rating.rateCaseHint')}</h2>
          <Link className="button button-primary" to={ratePath(ratingToken, 'portal')}>
            {t('rating.rateCase')}
          </Link>
        </section>
      )}
      <dl className="case-status-facts">
        <div>
          <dt>{t('status.service')}</dt>
          <dd data-testid="case-status-service">{status.service.title}</dd>
        </div>
        {status.agency && (
          <div>
            <dt>{t('status.agency')}</dt>
            <dd>{status.agency}</dd>
          </div>
        )}
        <div>
          <dt>{t('status.accepted')}</dt>
          <dd>{format.day(status.acceptedOn)}</dd>
        </div>
        {!status.final && (
          <div>
            <dt>{t('status.due')}</dt>
            <dd data-testid="case-status-due">
              {status.pausedSince
                ? t('status.paused', { date: format.day(status.pausedSince) })
                : format.day(status.dueDate)}
            </dd>
          </div>
        )}
        {!status.issued && (
          <div>
            <dt>{t('status.collect')}</dt>
            <dd data-testid="case-status-collect">
              <span className="case-status-office">{status.collect.office.name}</span>
              <br />
              {status.collect.office.address}
              {status.collect.until && (
                <>
                  <br />
                  <strong>{t('status.until', { date: format.day(status.collect.until) })}</strong>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="case-status-timeline">
        <h2 id="case-status-timeline" className="case-status-timeline-title">
          {t('status.timeline')}
        </h2>
        <ol className="case-timeline" data-testid="case-timeline">
          {steps.map((step) => (
            <li
              key={step.code}
              className={`case-step case-step-${step.state}`}
              data-state={step.state}
              aria-current={step.state === 'current' ? 'step' : undefined}
            >
              <span className="case-step-title">{step.title}</span>
              <span className="case-step-when">
                {t(`status.step.${step.state}`, { date: stageDay(step.at) })}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
