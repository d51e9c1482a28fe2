/**
 * «Записать на следующий визит»: at the window, a visit booked for the citizen in front of the operator —
 * the ticket's service (or one of the office's, when the ticket came for a purpose), this office, a day and
 * a time, the name and phone the operator types → POST /api/bookings (the server records the operator's
 * channel and account) → the code to tell or print, and the slip.
 */
import { useId, useState } from 'react';
import type { StaffTicket } from '../../shared/queue.js';
import { ChoiceField } from '../admin/components/fields.js';
import { BookingForm } from '../booking-staff/booking-form.js';
import { useBookingWords } from '../booking-staff/words.js';
import type { HeldWindow } from './console.js';
import { useOfficeNames } from './office-data.js';

export function NextVisitForm({ office, ticket }: { office: HeldWindow['office']; ticket: StaffTicket }) {
  const { t } = useBookingWords(office.timeZone);
  const { services } = useOfficeNames(office.code);
  const [chosen, setChosen] = useState(ticket.service?.code ?? '');
  const id = useId();
  const service =
    ticket.service && chosen === ticket.service.code
      ? ticket.service
      : (services.find((s) => s.code === chosen) ?? null);
  return (
    <section className="op-form" id="op-form-book" data-testid="next-visit" aria-labelledby={id}>
      <h3 id={id}>{t('bstaff.op.title')}</h3>
      <ChoiceField
        form="next-visit"
        path="service"
        label={t('bstaff.op.service')}
        value={chosen}
        onChange={setChosen}
        options={[
          { value: '', label: t('bstaff.op.chooseService') },
          ...(ticket.service && !services.some((s) => s.code === ticket.service?.code)
            ? [ticket.service]
            : []
          ).map((s) => ({ value: s.code, label: s.title })),
          ...services.map((s) => ({ value: s.code, label: s.title })),
        ]}
      />
      {service && (
        <BookingForm
          key={service.code}
          prefix="queue"
          form="next-visit"
          office={{ code: office.code, name: office.name, timeZone: office.timeZone }}
          service={{ code: service.code, title: service.title }}
        />
      )}
    </section>
  );
}
