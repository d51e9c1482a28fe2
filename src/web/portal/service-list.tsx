/** Portal pieces shared by its pages: the list of service summaries and the localized title of a category. */
import { Link } from 'react-router';
import type { ServiceSummary } from '../../shared/catalog.js';
import { useT } from '../app/i18n/index.js';

/** A category or life situation's title in the current language (the English title when there is one). */
export function useLocalTitle(): (item: { title: string; titleEn?: string | null }) => string {
  const { lang } = useT();
  return (item) => (lang === 'en' && item.titleEn ? item.titleEn : item.title);
}

export function ServiceList({ items, compact = false }: { items: ServiceSummary[]; compact?: boolean }) {
  const { t, money, term } = useT();
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
                <dd>{service.fee ? money(service.fee.amount) : t('common.notSet')}</dd>
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
