/**
 * The last step of /book: name, phone, optional e-mail, consent to the processing of personal data
 * (required) and, separately, to SMS — then POST /api/bookings. The Idempotency-Key is made once per
 * submit and kept while the same body is sent again (a retry after a lost answer returns the same booking;
 * changed data is a new booking). Problems read in the person's words, from the codes: the form's own
 * checks and the server's `details[]` land on the same fields. A taken time offers the nearest free ones.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { Booking, BookingCreate, Slot } from '../../../shared/booking.js';
import { normalizeEmail, normalizeMobile } from '../../../shared/contacts.js';
import type { ApiError } from '../../app/api.js';
import { useLang, useT } from '../../app/i18n/index.js';
import { queryKeys } from '../../app/query-keys.js';
import { bookingQueries, createBooking, nearestFree, newIdempotencyKey } from '../booking-queries.js';
import { fieldIssue, refusal, useMessagesFollowLanguage } from './booking-words.js';
import { fieldProblems, mobileRule } from './form-fields.js';
import { NearestTimes } from './nearest-times.js';

export type DetailsDraft = Partial<Values>;
type Values = { name: string; phone: string; email: string; personalData: boolean; sms: boolean };
const fieldOf: Record<string, keyof Values> = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  consents: 'personalData',
  'consents.personalData': 'personalData',
};

export function DetailsForm(props: {
  office: string;
  service: string;
  slot: Slot;
  timeZone: string;
  onBooked: (booking: Booking, phone: string) => void;
  onPickTime: (slot: Slot) => void;
  /** What was typed before another time was picked (kept in memory by the page, never stored). */
  draft: DetailsDraft;
  onDraft: (draft: DetailsDraft) => void;
}) {
  const { t, date } = useT();
  const [lang] = useLang();
  const queryClient = useQueryClient();
  const ids = useId();
  const form = useForm<Values>({
    defaultValues: { name: '', phone: '', email: '', personalData: false, sms: false, ...props.draft },
  });
  useMessagesFollowLanguage(form);
  const { onDraft } = props;
  useEffect(() => {
    const subscription = form.watch((values) => onDraft(values));
    return () => subscription.unsubscribe();
  }, [form, onDraft]);
  const { errors } = form.formState;
  // one key per submit of one body: a second press after a failure sends the same key
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const book = useMutation<Booking, ApiError, BookingCreate>({
    mutationFn: (body) => {
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { key: newIdempotencyKey(), body: text };
      return createBooking(body, attempt.current.key);
    },
    onSuccess: (booking, body) => {
      attempt.current = null;
      const phone = normalizeMobile(body.phone) ?? body.phone;
      queryClient.setQueryData(bookingQueries.booking(booking.code, phone).queryKey, booking);
      void queryClient.invalidateQueries({ queryKey: queryKeys.booking.all, type: 'inactive' });
      props.onBooked(booking, phone);
    },
    onError: (error) => {
      for (const detail of error.validationDetails) {
        const field = fieldOf[detail.path];
        if (field) form.setError(field, { type: 'server', message: fieldIssue(t, detail) });
      }
      if (error.code === 'SLOT_TAKEN') {
        void queryClient.invalidateQueries({
          queryKey: queryKeys.booking.slots(props.office, props.service, props.slot.start.slice(0, 10)),
        });
        void queryClient.invalidateQueries({
          queryKey: queryKeys.booking.availability(props.office, props.service),
        });
      }
    },
  });
  // a problem of the time itself (too soon, a day off…) or not of one field: said above the button
  const timeProblem = book.error?.validationDetails.find((d) => !fieldOf[d.path]);
  const generalError =
    book.error && (book.error.code !== 'VALIDATION' || timeProblem)
      ? timeProblem
        ? fieldIssue(t, timeProblem)
        : refusal(t, date, book.error)
      : null;
  const nearest = nearestFree(book.error);

  const submit = form.handleSubmit((values) =>
    book.mutate({
      office: props.office,
      service: props.service,
      start: props.slot.start,
      name: values.name.trim(),
      phone: normalizeMobile(values.phone) ?? values.phone,
      email: normalizeEmail(values.email) ?? undefined,
      consents: { personalData: true, sms: values.sms },
      locale: lang,
    }),
  );

  const { aria, fieldError } = fieldProblems<keyof Values>(ids, errors);

  return (
    <form className="book-form" noValidate onSubmit={submit} data-testid="book-form">
      <div className="field">
        <label htmlFor={`${ids}-name`}>{t('book.form.name')}</label>
        <input
          id={`${ids}-name`}
          type="text"
          autoComplete="name"
          {...aria('name')}
          {...form.register('name', {
            validate: (v) => (v.trim() ? true : t('book.err.required')),
            maxLength: { value: 200, message: t('book.err.tooLong', { maximum: 200 }) },
          })}
        />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-phone`}>{t('book.form.phone')}</label>
        <p className="muted small" id={`${ids}-phone-hint`}>
          {t('book.form.phoneHint')}
        </p>
        <input
          id={`${ids}-phone`}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          {...aria('phone', `${ids}-phone-hint`)}
          {...form.register('phone', {
            validate: mobileRule(t),
          })}
        />
        {fieldError('phone')}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-email`}>{t('book.form.email')}</label>
        <p className="muted small" id={`${ids}-email-hint`}>
          {t('book.form.emailHint')}
        </p>
        <input
          id={`${ids}-email`}
          type="email"
          autoComplete="email"
          {...aria('email', `${ids}-email-hint`)}
          {...form.register('email', {
            validate: (v) => (!v.trim() || normalizeEmail(v) ? true : t('book.err.email')),
          })}
        />
        {fieldError('email')}
      </div>
      <fieldset className="consents">
        <legend>{t('book.form.consents')}</legend>
        <div className="field field-check">
          <input
            id={`${ids}-personalData`}
            type="checkbox"
            {...aria('personalData')}
            {...form.register('personalData', {
              validate: (v) => (v ? true : t('book.err.consent')),
            })}
          />
          <label htmlFor={`${ids}-personalData`}>{t('book.form.personalData')}</label>
        </div>
        {fieldError('personalData')}
        <div className="field field-check">
          <input id={`${ids}-sms`} type="checkbox" {...form.register('sms')} />
          <label htmlFor={`${ids}-sms`}>{t('book.form.sms')}</label>
        </div>
      </fieldset>
      <div aria-live="polite">
        {generalError && (
          <div className="notice notice-error" role="alert" data-error-code={book.error?.code}>
            <p>{generalError}</p>
            {nearest.length > 0 && (
              <NearestTimes slots={nearest} timeZone={props.timeZone} onPick={props.onPickTime} />
            )}
          </div>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={book.isPending}>
        {t(book.isPending ? 'book.form.sending' : 'book.form.submit')}
      </button>
    </form>
  );
}
