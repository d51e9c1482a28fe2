/**
 * The application is accepted: the case number, the PIN (shown here once — it is on the receipt and
 * nowhere else), the due date, «Печать расписки» (the receipt PDF; each print is logged by the server) and
 * «К делу». The focus comes to the heading, so a screen reader says what happened.
 */
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { CaseCreated } from '../../shared/cases.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { useCaseWords } from './case-words.js';
import { caseLinks } from './cases-api.js';

export function AcceptDone({
  created,
  fromTicket,
  onAnother,
}: {
  created: CaseCreated;
  fromTicket: boolean;
  onAnother: () => void;
}) {
  const { t } = useT();
  const w = useCaseWords();
  useTitle(t('cases.accept.doneTitle'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="accept-done" className="case-done" data-testid="accept-done">
      <h1 id="accept-done" ref={heading} tabIndex={-1}>
        {t('cases.accept.doneTitle')}
      </h1>
      <p className="lead">{created.service.title}</p>
      <dl className="case-done-facts">
        <div>
          <dt>{t('cases.accept.number')}</dt>
          <dd className="case-big" data-testid="case-number">
            {created.number}
          </dd>
        </div>
        <div>
          <dt>{t('cases.accept.pin')}</dt>
          <dd className="case-big case-pin" data-testid="case-pin">
            {created.pin}
          </dd>
        </div>
        <div>
          <dt>{t('cases.accept.due')}</dt>
          <dd data-testid="case-due">
            {w.date(created.dueDate)} ({w.due(created)})
          </dd>
        </div>
      </dl>
      <p className="muted">{t('cases.accept.pinOnce')}</p>
      <p className="case-actions">
        <a
          href={caseLinks.receipt(created.id)}
          target="_blank"
          rel="noopener"
          className="button button-primary"
          data-testid="case-receipt"
        >
          {t('cases.accept.print')}
        </a>
        <Link to={caseLinks.page(created.id)} className="button" data-testid="case-open">
          {t('cases.accept.toCase')}
        </Link>
        {fromTicket ? (
          <Link to="/operator" className="button">
            {t('cases.accept.toConsole')}
          </Link>
        ) : (
          <button type="button" className="button" onClick={onAnother}>
            {t('cases.accept.another')}
          </button>
        )}
      </p>
    </section>
  );
}
