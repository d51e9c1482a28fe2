/**
 * Step 1 of /book: the service, found by words in the public catalog (GET /api/services?q=); without
 * words, the most asked-for ones. Each result is a link to the next step, so «Назад» comes back here.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { portalQueries } from '../queries.js';

export function ServiceStep({ stepLink }: { stepLink: (service: string) => string }) {
  const { t } = useT();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const services = useQuery(portalQueries.services({ q: q || undefined, limit: 10 }));
  const inputId = useId();
  return (
    <>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(draft.trim());
        }}
      >
        <label htmlFor={inputId}>{t('book.service.search')}</label>
        <div className="search-row">
          <input
            id={inputId}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder={t('book.service.placeholder')}
          />
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
        </div>
      </form>
      <p className="muted small" aria-live="polite">
        {services.data
          ? services.data.items.length === 0
            ? t('book.service.empty')
            : q
              ? t('book.service.found')
              : t('book.service.popular')
          : ''}
      </p>
      <QueryStatus query={services} space="space-results" />
      {services.data && services.data.items.length > 0 && (
        <ul className="link-list book-choices" aria-busy={services.isFetching}>
          {services.data.items.map((service) => (
            <li key={service.code}>
              <Link to={stepLink(service.code)}>{service.shortTitle || service.title}</Link>
              {service.agency && <span className="muted small"> · {service.agency.shortName}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
