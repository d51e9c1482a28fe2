/**
 * «Записать»: a visit booked for the caller. The service is the one opened in the catalog panel; the
 * offices offering it come with their first free time — the caller's district first (its offices only),
 * or all of them, nearest free first; then a day and a time at the office chosen, and the caller's name,
 * number (the one looked up) and e-mail. The server books it as the call center's (the session's role).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Booking, BookingOffice } from '../../shared/booking.js';
import { sortedBy } from '../../shared/collation.js';
import { QueryStatus, SelectField } from '../app/components.js';
import { bookingQueries } from '../booking-staff/api.js';
import { BookingForm } from '../booking-staff/booking-form.js';
import { atInZone, useBookingWords } from '../booking-staff/words.js';
import { portalQueries } from '../portal/queries.js';

const queries = bookingQueries('callcenter');

export function BookForCaller({
  service,
  phone,
  onBooked,
}: {
  /** The service opened in the catalog panel. */
  service: { code: string; title: string } | null;
  /** The caller's number as looked up. */
  phone: string;
  onBooked: (booking: Booking) => void;
}) {
  const w = useBookingWords();
  const { t } = w;
  const titleId = useId();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={titleId} className="cc-book" data-testid="book-for-caller">
      <h3 id={titleId}>{t('bstaff.cc.book')}</h3>
      {!service ? (
        <p className="muted">{t('bstaff.cc.chooseService')}</p>
      ) : !open ? (
        <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
          {t('bstaff.cc.bookService', { service: service.title })}
        </button>
      ) : (
        <OfficeChoice
          key={service.code}
          service={service}
          phone={phone}
          onBooked={onBooked}
          onClose={() => setOpen(false)}
        />
      )}
    </section>
  );
}

function OfficeChoice({
  service,
  phone,
  onBooked,
  onClose,
}: {
  service: { code: string; title: string };
  phone: string;
  onBooked: (booking: Booking) => void;
  onClose: () => void;
}) {
  const w = useBookingWords();
  const { t } = w;
  const [district, setDistrict] = useState('');
  const [office, setOffice] = useState<BookingOffice | null>(null);
  const districts = useQuery(portalQueries.districts());
  // the district's offices offering the service (the public list), to ask for their free times only
  const inDistrict = useQuery({
    ...portalQueries.offices({ service: service.code, district }),
    enabled: district !== '',
  });
  const codes = district === '' ? undefined : (inDistrict.data ?? []).map((o) => o.code);
  const offices = useQuery({
    ...queries.offices(service.code, codes),
    enabled: district === '' || (inDistrict.isSuccess && (codes?.length ?? 0) > 0),
  });
  const listId = useId();
  if (office)
    return (
      <>
        <button type="button" className="button button-small" onClick={() => setOffice(null)}>
          {t('bstaff.cc.otherOffice')}
        </button>
        <BookingForm
          prefix="callcenter"
          form="cc-book"
          office={{ code: office.code, name: office.name, timeZone: office.timeZone }}
          service={service}
          person={{ phone }}
          onBooked={onBooked}
        />
      </>
    );
  const listed = [...(offices.data?.offices ?? [])].sort(
    (a, b) =>
      (a.firstFree ? Date.parse(a.firstFree.start) : Number.POSITIVE_INFINITY) -
      (b.firstFree ? Date.parse(b.firstFree.start) : Number.POSITIVE_INFINITY),
  );
  return (
    <div>
      <SelectField
        label={t('bstaff.cc.district')}
        value={district}
        allLabel={t('bstaff.cc.allDistricts')}
        options={sortedBy(districts.data ?? [], (d) => d.name).map((d) => ({ value: d.code, label: d.name }))}
        onChange={setDistrict}
      />
      {district !== '' && inDistrict.isSuccess && codes?.length === 0 && (
        <p>{t('bstaff.cc.noOfficesInDistrict')}</p>
      )}
      <QueryStatus query={offices} />
      <h4 id={listId}>{t('bstaff.cc.offices')}</h4>
      <ul className="cc-list" aria-labelledby={listId} data-testid="booking-offices">
        {listed.map((o) => (
          <li key={o.code}>
            <strong>{o.name}</strong>
            <span className="block small">
              {o.district} · {o.address}
            </span>
            <span className="block small">
              {o.firstFree
                ? t('bstaff.cc.firstFree', { time: atInZone(w.locale, o.timeZone, o.firstFree.start) })
                : t('bstaff.cc.noFree')}
            </span>
            {o.firstFree && (
              <button type="button" className="button button-small" onClick={() => setOffice(o)}>
                {t('bstaff.cc.chooseOffice', { office: o.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={onClose}>
        {t('bstaff.cancelForm')}
      </button>
    </div>
  );
}
