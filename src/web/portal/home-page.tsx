/** "/" — search, popular services, categories and life situations with their service counts. */
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, useApi } from '../app/api.js';
import { ErrorNotice, Loading } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
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
  const popular = useApi((signal) => api.services({ limit: 8 }, signal), []);
  const categories = useApi((signal) => api.categories(signal), []);
  const situations = useApi((signal) => api.situations(signal), []);

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <SearchForm label={t('home.searchLabel')} />
      </section>

      <section aria-labelledby="home-popular">
        <h2 id="home-popular">{t('home.popular')}</h2>
        {popular.error && <ErrorNotice error={popular.error} onRetry={popular.reload} />}
        {popular.loading && !popular.data && <Loading />}
        {popular.data && <ServiceList items={popular.data.items} compact />}
        <p>
          <Link to="/services">{t('home.allServices')} →</Link>
        </p>
      </section>

      <div className="two-columns">
        <section aria-labelledby="home-categories">
          <h2 id="home-categories">{t('home.categories')}</h2>
          {categories.error && <ErrorNotice error={categories.error} onRetry={categories.reload} />}
          {categories.loading && !categories.data && <Loading />}
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
          {situations.error && <ErrorNotice error={situations.error} onRetry={situations.reload} />}
          {situations.loading && !situations.data && <Loading />}
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
        </Link>
      </p>
    </>
  );
}
