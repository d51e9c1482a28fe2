/**
 * Booking a time for a citizen at a staff screen: a free time (SlotPicker), then the person's name, phone
 * and e-mail and their spoken consents → POST /api/bookings (the server records the channel and who booked
 * from the session). Checked with the shared contract before sending; a refusal is said in words, and a
 * time taken meanwhile offers the nearest free ones. Done: the code to tell the person, and the slip.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { type Booking, bookingCreateSchema, type Slot } from '../../shared/booking.js';
import type { FieldErrors } from '../admin/components/errors.js';
import { CheckField, TextField } from '../admin/components/fields.js';
import { useLang } from '../app/i18n/index.js';
import { issueOfZod } from '../app/issues.js';
import { queryClient } from '../app/query-client.js';
import { bookingStaffApi, newIdempotencyKey } from './api.js';
import { BookingDone } from './booking-done.js';
import { SlotPicker } from './slot-picker.js';
import { bookingErrorText, bookingIssueText, nearestOf, useBookingWords } from './words.js';

export type Person = { name: string; phone: string; email: string };

export function BookingForm({
  prefix,
  form,
  office,
  service,
  person,
  onBooked,
}: {
  prefix: 'callcenter' | 'queue';
  /** The form's name, for the ids of its fields. */
  form: string;
  office: { code: string; name: string; timeZone: string };
  service: { code: string; title: string };
  /** What is known of the person already (the caller's number). */
  person?: Partial<Person>;
  onBooked?: (booking: Booking) => void;
}) {
  const w = useBookingWords(office.timeZone);
  const { t } = w;
  const [lang] = useLang();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [name, setName] = useState(person?.name ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [personalData, setPersonalData] = useState(false);
  const [sms, setSms] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  // one key per booking attempt: a retry after a lost answer gets the same booking back
  const key = useRef(newIdempotencyKey());
  const titleId = useId();
  const create = useMutation({
    mutationFn: (body: Parameters<typeof bookingStaffApi.create>[0]) =>
      bookingStaffApi.create(body, key.current),
    onSuccess: (booking) => {
      key.current = newIdempotencyKey();
      void queryClient.invalidateQueries({ queryKey: [prefix] });
      onBooked?.(booking);
    },
  });

  if (create.data) return <BookingDone booking={create.data} phone={phone} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      office: office.code,
      service: service.code,
      start: slot?.start ?? '',
      name,
      phone,
      ...(email.trim() ? { email: email.trim() } : {}),
      consents: { personalData: personalData as true, sms },
      locale: lang,
    };
    const parsed = bookingCreateSchema.safeParse(body);
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path[0] === 'consents' ? 'personalData' : String(issue.path[0]);
        if (!found[path])
          found[path] =
            path === 'start'
              ? t('bstaff.pickTime')
              : path === 'personalData'
                ? t('bstaff.consentRequired')
                : bookingIssueText(t, issueOfZod(issue));
      }
      setErrors(found);
      return;
    }
    setErrors({});
    create.mutate(body as Parameters<typeof bookingStaffApi.create>[0]);
  };
  const nearest = nearestOf(create.error);

  return (
    <form
      className="bs-form"
      noValidate
      onSubmit={submit}
      aria-labelledby={titleId}
      data-testid="booking-form"
    >
      <h3 id={titleId}>{t('bstaff.bookAt', { office: office.name, service: service.title })}</h3>
      <SlotPicker
        prefix={prefix}
        office={office.code}
        service={service.code}
        timeZone={office.timeZone}
        picked={slot?.start ?? null}
        onPick={(s) => {
          setSlot(s);
          setErrors(({ start: _, ...rest }) => rest);
        }}
      />
      <p className={errors.start ? 'field-error' : 'muted'} data-testid="picked-time" aria-live="polite">
        {slot ? t('bstaff.picked', { time: w.at(slot.start) }) : (errors.start ?? t('bstaff.pickTime'))}
      </p>
      <TextField
        form={form}
        path="name"
        label={t('bstaff.name')}
        value={name}
        onChange={setName}
        errors={errors}
        autoComplete="off"
      />
      <TextField
        form={form}
        path="phone"
        type="tel"
        label={t('bstaff.phone')}
        hint={t('bstaff.phoneHint')}
        value={phone}
        onChange={setPhone}
        errors={errors}
        autoComplete="off"
      />
      <TextField
        form={form}
        path="email"
        type="email"
        label={t('bstaff.email')}
        value={email}
        onChange={setEmail}
        errors={errors}
        autoComplete="off"
      />
      <CheckField
        form={form}
        path="personalData"
        label={t('bstaff.consentPersonalData')}
        checked={personalData}
        onChange={setPersonalData}
        errors={errors}
      />
      <CheckField form={form} path="sms" label={t('bstaff.consentSms')} checked={sms} onChange={setSms} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('bstaff.book')}
      </button>
      {create.error && (
        <div className="notice notice-error" role="alert" data-testid="booking-error">
          <p>{bookingErrorText(w, create.error)}</p>
          {nearest.length > 0 && (
            <p className="staff-choices">
              {nearest.map((s) => (
                <button key={s.start} type="button" className="staff-choice" onClick={() => setSlot(s)}>
                  {w.at(s.start)}
                </button>
              ))}
            </p>
          )}
        </div>
      )}
    </form>
  );
}
