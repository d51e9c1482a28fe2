/** "/" — search, popular services, categories and life situations with their service counts. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from './queries.js';
import { ServiceList, useLocalTitle } from './service-list.js';

export function SearchForm({ initial = '', label }: { initial?: string; label: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = q.trim();
    navigate(query ? `/services?q=${encodeURIComponent(query)}` : '/services');
  };
  return (
    <search className="search-form">
      <form onSubmit={submit}>
        <label htmlFor={id}>{label}</label>
        <div className="search-row">
          <input
            id={id}
            type="search"
            name="q"
            value={q}
            maxLength={200}
            placeholder={t('home.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
        </div>
      </form>
    </search>
  );
}

export function HomePage() {
  const { t, tn } = useT();
  const localTitle = useLocalTitle();
  useTitle(null);
  const popular = useQuery(portalQueries.services({ limit: 8 }));
  const categories = useQuery(portalQueries.categories());
  const situations = useQuery(portalQueries.situations());

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <SearchForm label={t('home.searchLabel')} />
      </section>

      <section aria-labelledby="home-popular">
        <h2 id="home-popular">{t('home.popular')}</h2>
        <QueryStatus query={popular} space="space-popular" />
        {popular.data && <ServiceList items={popular.data.items} compact />}
        <p>
          <Link to="/services">{t('home.allServices')} →</Link>
        </p>
      </section>

      <div className="two-columns">
        <section aria-labelledby="home-categories">
          <h2 id="home-categories">{t('home.categories')}</h2>
          <QueryStatus query={categories} space="space-links" />
          {categories.data && (
            <ul className="link-list">
              {categories.data
                .filter((c) => c.serviceCount > 0)
                .map((category) => (
                  <li key={category.code}>
                    <Link to={`/services?category=${encodeURIComponent(category.code)}`}>
                      {localTitle(category)}
                    </Link>{' '}
                    <span className="count">{tn('common.services', category.serviceCount)}</span>
                  </li>
                ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="home-situations">
          <h2 id="home-situations">{t('home.situations')}</h2>
          <QueryStatus query={situations} space="space-links" />
          {situations.data && (
            <ul className="link-list">
              {situations.data
                .filter((s) => s.serviceCount > 0)
                .map((situation) => (
                  <li key={situation.code}>
                    <Link to={`/services?situation=${encodeURIComponent(situation.code)}`}>
                      {localTitle(situation)}
                    </Link>{' '}
                    <span className="count">{tn('common.services', situation.serviceCount)}</span>
                  </li>
                ))}
            </ul>
          )}
        </section>
      </div>

      <p>
        <Link to="/offices" className="button">
          {t('home.findOffice')}
        </Link>{' '}
        <Link to="/status" className="button" data-testid="home-status-link">
          {t('status.cta')}
        </Link>
      </p>
    </>
  );
}
