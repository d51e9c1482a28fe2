/**
 * Portal pieces shared by its pages: the list of service summaries, a fee as words, the localized title of
 * a category, and the notice that service texts stay Russian in the English version.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ServiceCard, ServiceSummary } from '../../shared/catalog.js';
import { type Translator, useT } from '../app/i18n/index.js';

/** «Бесплатно» for 0, else the amount; the note only when it adds something («бесплатно» again does not). */
export function feeText(fee: ServiceSummary['fee'], { t, money }: Pick<Translator, 't' | 'money'>) {
  if (!fee) return { amount: t('common.notSet'), note: null };
  const note = fee.note?.trim() || null;
  const repeatsFree = fee.amount === 0 && note !== null && /^(бесплатно|free)\.?$/iu.test(note);
  return { amount: money(fee.amount), note: repeatsFree ? null : note };
}

/**
 * A service's fee and statutory term as a list of facts — the card's and the call center's answer — with
 * more facts after them when the page has them.
 */
export function ServiceFacts(props: {
  service: Pick<ServiceCard, 'fee' | 'term'>;
  className: string;
  children?: ReactNode;
}) {
  const translator = useT();
  const { t, term } = translator;
  const fee = feeText(props.service.fee, translator);
  return (
    <dl className={props.className}>
      <div>
        <dt>{t('service.fee')}</dt>
        <dd>
          {fee.amount}
          {fee.note && <span className="muted"> ({fee.note})</span>}
        </dd>
      </div>
      <div>
        <dt>{t('service.term')}</dt>
        <dd>{term(props.service.term)}</dd>
      </div>
      {props.children}
    </dl>
  );
}

/** In English, once per content page: the services' own texts (titles, documents, stages) are in Russian. */
export function RussianOnlyNotice() {
  const { t, lang } = useT();
  if (lang === 'ru') return null;
  return (
    <p className="notice notice-lang" data-testid="russian-only">
      {t('content.russianOnly')}
    </p>
  );
}

/** A category or life situation's title in the current language (the English title when there is one). */
export function useLocalTitle(): (item: { title: string; titleEn?: string | null }) => string {
  const { lang } = useT();
  return (item) => (lang === 'en' && item.titleEn ? item.titleEn : item.title);
}

export function ServiceList({ items, compact = false }: { items: ServiceSummary[]; compact?: boolean }) {
  const translator = useT();
  const { t, term } = translator;
  return (
    <ul className={compact ? 'card-list card-list-compact' : 'card-list'}>
      {items.map((service) => (
        <li key={service.code} className="card service-card">
          <h3 className="card-title">
            {/* the short title in the compact list (official titles run to 200 characters) */}
            <Link to={`/services/${encodeURIComponent(service.code)}`}>
              {compact ? service.shortTitle || service.title : service.title}
            </Link>
          </h3>
          {service.agency && <p className="muted">{service.agency.shortName}</p>}
          {!compact && (
            <dl className="facts">
              <div>
                <dt>{t('catalog.fee')}</dt>
                <dd>{feeText(service.fee, translator).amount}</dd>
              </div>
              <div>
                <dt>{t('catalog.term')}</dt>
                <dd>{term(service.term)}</dd>
              </div>
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
