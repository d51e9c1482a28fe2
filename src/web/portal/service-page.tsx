/**
 * "/services/:code" — the service card: what to bring (a checklist), fee, term, stages, results, where to
 * apply, and «Записаться на приём» (/book?service=) when an office offers it.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ServiceCard } from '../../shared/catalog.js';
import { compareNames } from '../../shared/collation.js';
import { ErrorNotice, Loading, NotFoundPanel } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { documentMarks } from './document-marks.js';
import { BandBadge, LoadLine, shorterWaits, useBandText, useLoads } from './office-load.js';
import { portalQueries } from './queries.js';
import { RussianOnlyNotice, ServiceFacts } from './service-list.js';

export function ServicePage() {
  const { code = '' } = useParams();
  const { t } = useT();
  const service = useQuery(portalQueries.service(code));
  useTitle(
    service.data ? shortTitle(service.data) : service.error?.isNotFound ? t('service.notFound') : null,
    service.data ? t('meta.service', { title: service.data.title }) : null,
  );

  if (service.error?.isNotFound) {
    return (
      <NotFoundPanel
        title={t('service.notFound')}
        text={t('service.notFoundText', { code })}
        link="/services"
        linkText={t('service.toCatalog')}
      />
    );
  }
  if (service.error) return <ErrorNotice error={service.error} onRetry={() => void service.refetch()} />;
  if (!service.data || service.data.code !== code) return <Loading space="space-page" />;
  return <ServiceDetails key={service.data.code} service={service.data} />;
}

/** The title a person knows the service by; the official one (up to 200 characters) is shown below it. */
const shortTitle = (service: ServiceCard) => service.shortTitle || service.title;

function ServiceDetails({ service }: { service: ServiceCard }) {
  const { t, term } = useT();
  const title = shortTitle(service);
  return (
    <article className="service">
      <p className="breadcrumbs">
        <Link to="/services">{t('nav.services')}</Link>
        {service.category && (
          <>
            {' / '}
            <Link to={`/services?category=${encodeURIComponent(service.category.code)}`}>
              {service.category.title}
            </Link>
          </>
        )}
      </p>
      <h1 className={title.length > 90 ? 'long-title' : undefined}>{title}</h1>
      {title !== service.title && (
        <p className="official-title">
          <span className="visually-hidden">{t('service.officialTitle')}: </span>
          {service.title}
        </p>
      )}
      <RussianOnlyNotice />
      {service.agency && (
        <p className="muted">
          {t('service.agency')}: {service.agency.name}
        </p>
      )}
      <p className="lead">{service.description}</p>

      <ServiceFacts service={service} className="facts facts-large">
        {service.applicantKinds.length > 0 && (
          <div>
            <dt>{t('service.applicants')}</dt>
            <dd>
              {service.applicantKinds
                .map((kind) =>
                  t(kind === 'person' ? 'service.applicant.person' : 'service.applicant.business'),
                )
                .join(', ')}
            </dd>
          </div>
        )}
        {service.keepResultDays !== null && (
          <div>
            <dt>{t('service.keepResult')}</dt>
            <dd>{term({ days: service.keepResultDays, kind: 'calendar' })}</dd>
          </div>
        )}
      </ServiceFacts>

      {service.offices.length > 0 && (
        <p className="book-cta">
          <Link className="button button-primary" to={`/book?service=${encodeURIComponent(service.code)}`}>
            {t('book.cta')}
          </Link>{' '}
          <span className="muted small">{t('book.ctaHint')}</span>
        </p>
      )}

      <DocumentChecklist service={service} />

      {service.stages.length > 0 && (
        <section aria-labelledby="service-stages">
          <h2 id="service-stages">{t('service.stages')}</h2>
          <ol className="stages">
            {service.stages.map((stage) => (
              <li key={stage.code}>
                <strong>{stage.title}</strong>
                <p>{stage.citizenText}</p>
                {stage.notify && <p className="muted small notify">{t('service.stageNotify')}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {service.results.length > 0 && (
        <section aria-labelledby="service-results">
          <h2 id="service-results">{t('service.results')}</h2>
          <ul>
            {service.results.map((result) => (
              <li key={result}>{result}</li>
            ))}
          </ul>
        </section>
      )}

      {service.refusalReasons.length > 0 && (
        <section aria-labelledby="service-refusals">
          <h2 id="service-refusals">{t('service.refusals')}</h2>
          <ul>
            {service.refusalReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </section>
      )}

      {service.situations.length > 0 && (
        <section aria-labelledby="service-situations">
          <h2 id="service-situations">{t('service.situations')}</h2>
          <ul className="tag-list">
            {service.situations.map((situation) => (
              <li key={situation.code}>
                <Link to={`/services?situation=${encodeURIComponent(situation.code)}`}>
                  {situation.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <ServiceOffices service={service} />
    </article>
  );
}

function DocumentChecklist({ service }: { service: ServiceCard }) {
  const { t } = useT();
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const baseId = useId();
  const toggle = (index: number) =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <section aria-labelledby="service-documents" className="documents">
      <h2 id="service-documents">{t('service.documents')}</h2>
      {service.documents.length === 0 ? (
        <p>{t('service.noDocuments')}</p>
      ) : (
        <fieldset>
          <legend>{t('service.documentsHint')}</legend>
          <ul className="checklist">
            {service.documents.map((document, index) => {
              const id = `${baseId}-${index}`;
              const marks = documentMarks(document);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: documents have no code; the list is fixed per service
                <li key={index} className={checked.has(index) ? 'checked' : undefined}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={checked.has(index)}
                    onChange={() => toggle(index)}
                  />
                  <label htmlFor={id}>
                    <span className="document-name">{document.name}</span>
                    <span className="document-marks">
                      {marks.need === 'conditional' ? (
                        <span className="mark mark-condition">{marks.condition}</span>
                      ) : (
                        <span className={marks.need === 'required' ? 'mark mark-required' : 'mark'}>
                          {t(marks.need === 'required' ? 'service.required' : 'service.optional')}
                        </span>
                      )}
                      {marks.form && <span className="mark">{t(`service.form.${marks.form}`)}</span>}
                    </span>
                    {marks.note && <span className="document-note">{marks.note}</span>}
                  </label>
                </li>
              );
            })}
          </ul>
          <p className="muted" aria-live="polite">
            {t('service.documentsChecked', { checked: checked.size, total: service.documents.length })}
          </p>
        </fieldset>
      )}
    </section>
  );
}

function ServiceOffices({ service }: { service: ServiceCard }) {
  const { t } = useT();
  const loads = useLoads({ service: service.code }, service.offices.length > 0);
  const bandText = useBandText();
  const districts = new Map<string, { name: string; offices: ServiceCard['offices'] }>();
  for (const office of service.offices) {
    const group = districts.get(office.district.code) ?? { name: office.district.name, offices: [] };
    group.offices.push(office);
    districts.set(office.district.code, group);
  }
  return (
    <section aria-labelledby="service-offices">
      <h2 id="service-offices">{t('service.offices')}</h2>
      {service.offices.length === 0 ? (
        <p>{t('service.noOffices')}</p>
      ) : (
        <div className="office-groups">
          {[...districts.entries()]
            .sort(([, a], [, b]) => compareNames(a.name, b.name))
            .map(([districtCode, group]) => (
              <section key={districtCode} aria-label={group.name} className="office-group">
                <h3>{group.name}</h3>
                <ul className="link-list">
                  {group.offices.map((office) => {
                    const load = loads.get(office.code);
                    const nearby = group.offices.flatMap((o) => loads.get(o.code) ?? []);
                    const shorter = shorterWaits(load, nearby).slice(0, 2);
                    return (
                      <li key={office.code}>
                        <Link to={`/offices/${encodeURIComponent(office.code)}`}>{office.name}</Link>
                        <span className="muted small"> · {office.address}</span>
                        <LoadLine load={load} />
                        {shorter.length > 0 && (
                          <p className="small shorter-wait" data-shorter-than={office.code}>
                            {t('load.shorterNearby')}:{' '}
                            {shorter.map((other, i) => {
                              const name =
                                group.offices.find((o) => o.code === other.office)?.name ?? other.office;
                              return (
                                <span key={other.office}>
                                  {i > 0 && '; '}
                                  <Link to={`/offices/${encodeURIComponent(other.office)}`}>{name}</Link> —{' '}
                                  <BandBadge band={other.band}>{bandText(other)}</BandBadge>
                                </span>
                              );
                            })}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
        </div>
      )}
    </section>
  );
}
