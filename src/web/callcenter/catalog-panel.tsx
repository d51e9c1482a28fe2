/**
 * An answer from the catalog while the caller waits: search a service (the public catalog), then what to
 * bring, the fee, the term, and the offices that offer it with today's hours and whether they are open now
 * — the caller's district first. The service opened is noted on the running call.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Call } from '../../shared/callcenter.js';
import type { ServiceCard } from '../../shared/catalog.js';
import { sortedBy } from '../../shared/collation.js';
import type { OfficeLoad } from '../../shared/queue.js';
import { TextField } from '../admin/components/fields.js';
import { QueryStatus, SelectField } from '../app/components.js';
import { documentMarks } from '../portal/document-marks.js';
import { hoursText, OpenBadge } from '../portal/office-hours.js';
import { portalQueries } from '../portal/queries.js';
import { ServiceFacts } from '../portal/service-list.js';
import { callcenterApi } from './api.js';
import { callcenterQueries } from './queries.js';
import { useCallWords } from './words.js';

/** How many offices show before «Показать все»: a caller needs the nearest few, read out loud. */
const firstOffices = 6;

export function CatalogPanel({
  call,
  onService,
}: {
  call: Call | null;
  /** The service opened (the caller panel's «Записать» books it). */
  onService?: (service: { code: string; title: string } | null) => void;
}) {
  const { t } = useCallWords();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const found = useQuery({ ...portalQueries.services({ q, limit: 8 }), enabled: q !== '' });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
    setCode(null);
  };
  const open = (serviceCode: string, title: string) => {
    setCode(serviceCode);
    onService?.({ code: serviceCode, title });
    // what the caller asked about goes on the call; a failure here must not disturb the answer
    if (call) void callcenterApi.updateCall(call.id, { serviceCode }).catch(() => undefined);
  };

  return (
    <section aria-labelledby="cc-catalog" className="cc-panel" data-testid="catalog-panel">
      <h2 id="cc-catalog">{t('callcenter.catalog')}</h2>
      <form className="cc-inline-form" aria-labelledby="cc-catalog" onSubmit={search}>
        <TextField
          form="catalog"
          path="q"
          label={t('callcenter.serviceSearch')}
          hint={t('callcenter.serviceSearchHint')}
          value={draft}
          onChange={setDraft}
        />
        <button type="submit" className="button button-primary">
          {t('callcenter.find')}
        </button>
      </form>
      {q !== '' && <QueryStatus query={found} />}
      {found.data && found.data.items.length === 0 && <p>{t('callcenter.noServices')}</p>}
      {found.data && found.data.items.length > 0 && (
        <ul className="staff-choices" aria-label={t('callcenter.foundServices')}>
          {found.data.items.map((s) => (
            <li key={s.code}>
              <button
                type="button"
                className={s.code === code ? 'staff-choice staff-choice-current' : 'staff-choice'}
                aria-pressed={s.code === code}
                onClick={() => open(s.code, s.shortTitle || s.title)}
              >
                {s.shortTitle || s.title}
              </button>
            </li>
          ))}
        </ul>
      )}
      {code && <ServiceAnswer code={code} />}
    </section>
  );
}

function ServiceAnswer({ code }: { code: string }) {
  const words = useCallWords();
  const { t } = words;
  const service = useQuery(portalQueries.service(code));
  if (!service.data) return <QueryStatus query={service} />;
  const card = service.data;
  return (
    <article className="cc-service" data-testid="service-answer" aria-labelledby="cc-service-title">
      <h3 id="cc-service-title">{card.shortTitle || card.title}</h3>
      <ServiceFacts service={card} className="facts" />
      <h4>{t('service.documents')}</h4>
      {card.documents.length === 0 ? (
        <p>{t('service.noDocuments')}</p>
      ) : (
        <ul className="cc-list" data-testid="service-documents">
          {card.documents.map((document, index) => {
            const marks = documentMarks(document);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: documents have no code; the list is fixed per service
              <li key={index}>
                {document.name}{' '}
                <span className="muted small">
                  (
                  {marks.need === 'conditional'
                    ? marks.condition
                    : t(marks.need === 'required' ? 'service.required' : 'service.optional')}
                  {marks.form && `, ${t(`service.form.${marks.form}`)}`})
                </span>
                {marks.note && <span className="muted small block">{marks.note}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <ServiceOffices card={card} />
    </article>
  );
}

function ServiceOffices({ card }: { card: ServiceCard }) {
  const { t } = useCallWords();
  const [district, setDistrict] = useState('');
  const [all, setAll] = useState(false);
  const districts = useQuery(portalQueries.districts());
  // the public list of the offices offering it: today's hours and open now, in each office's time zone
  const offices = useQuery(portalQueries.offices({ service: card.code }));
  // the predicted wait at each office now, for this service (the queue's load)
  const waits = useQuery(callcenterQueries.waits(card.code));
  const waitOf = new Map((waits.data ?? []).map((l) => [l.office, l]));
  if (card.offices.length === 0) return <p>{t('service.noOffices')}</p>;
  const byName = sortedBy(offices.data ?? [], (o) => o.name);
  const listed = [
    ...byName.filter((o) => o.district.code === district),
    ...byName.filter((o) => o.district.code !== district),
  ];
  const shown = all ? listed : listed.slice(0, firstOffices);
  return (
    <section aria-labelledby="cc-offices">
      <h4 id="cc-offices">{t('service.offices')}</h4>
      <SelectField
        label={t('callcenter.callerDistrict')}
        value={district}
        allLabel={t('callcenter.anyDistrict')}
        options={sortedBy(districts.data ?? [], (d) => d.name).map((d) => ({ value: d.code, label: d.name }))}
        onChange={setDistrict}
      />
      <QueryStatus query={offices} />
      <ul className="cc-list" data-testid="service-offices">
        {shown.map((office) => (
          <li key={office.code}>
            <strong>{office.name}</strong> <OpenBadge openNow={office.openNow} />
            <span className="block small">
              {office.district.name} · {office.address}
              {office.phone ? ` · ${office.phone}` : ''}
            </span>
            <span className="block small">
              {t('callcenter.todayHours', { hours: hoursText(office.today, t) })}
            </span>
            <OfficeWait load={waitOf.get(office.code)} openNow={office.openNow} />
          </li>
        ))}
      </ul>
      {!all && listed.length > firstOffices && (
        <button type="button" className="button button-small" onClick={() => setAll(true)}>
          {t('callcenter.showAllOffices', { n: listed.length })}
        </button>
      )}
    </section>
  );
}

/** Today's predicted wait at an office for the service, as the caller is told it. */
function OfficeWait({ load, openNow }: { load: OfficeLoad | undefined; openNow: boolean }) {
  const { t } = useCallWords();
  if (!load || !openNow) return null;
  return (
    <span className="block small" data-testid="office-wait">
      {load.estimatedWaitMinutes === null
        ? t('callcenter.waitNoWindows')
        : t('callcenter.waitNow', { minutes: load.estimatedWaitMinutes, waiting: load.waiting })}
    </span>
  );
}
