/**
 * A held booking (the region confirms bookings by SMS): the code sent to the phone, entered before the hold
 * lapses (POST /api/bookings/{code}/confirm). Off in the demo region; the confirmation and /book/manage
 * show it whenever a booking is held.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { Booking } from '../../../shared/booking.js';
import type { ApiError } from '../../app/api.js';
import { useT } from '../../app/i18n/index.js';
import { bookingQueries, confirmBooking } from '../booking-queries.js';
import { refusal, useMessagesFollowLanguage } from './booking-words.js';
import { useBookingFormat } from './format.js';

export function ConfirmPin({ booking, phone }: { booking: Booking; phone: string }) {
  const { t, date } = useT();
  const format = useBookingFormat();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useForm<{ pin: string }>({ defaultValues: { pin: '' } });
  useMessagesFollowLanguage(form);
  const confirm = useMutation<Booking, ApiError, string>({
    mutationFn: (pin) => confirmBooking(booking.code, phone, pin),
    onSuccess: (changed) =>
      queryClient.setQueryData(bookingQueries.booking(changed.code, phone).queryKey, changed),
  });
  const error = form.formState.errors.pin;
  return (
    <form
      className="book-form notice"
      noValidate
      onSubmit={form.handleSubmit((values) => confirm.mutate(values.pin.trim()))}
      data-testid="confirm-pin"
    >
      <p>
        {booking.holdExpiresAt
          ? t('book.pin.until', { time: format.time(booking.holdExpiresAt, booking.office.timeZone) })
          : t('book.pin.text')}
      </p>
      <div className="field">
        <label htmlFor={id}>{t('book.pin.label')}</label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...form.register('pin', {
            validate: (v) => (/^\d{4,8}$/.test(v.trim()) ? true : t('book.err.pin')),
          })}
        />
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error.message}
          </p>
        )}
      </div>
      {confirm.error && (
        <p className="field-error" role="alert">
          {confirm.error.code === 'VALIDATION' || confirm.error.status === 409 || confirm.error.status === 400
            ? t('book.err.pinRefused')
            : refusal(t, date, confirm.error)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={confirm.isPending}>
        {t('book.pin.submit')}
      </button>
    </form>
  );
}
