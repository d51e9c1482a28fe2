/**
 * The caller's bookings in the caller panel: the active ones by time, then the latest others — masked
 * (the code too) until the caller is verified on this call, then in full (the server logged the view).
 * In full, an active booking can be cancelled (after a second click) or moved to another free time in one
 * step (the server holds the new time before it lets the old one go).
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { activeBookingStatuses, type Slot } from '../../shared/booking.js';
import type { CallerBooking } from '../../shared/callcenter.js';
import { queryClient } from '../app/query-client.js';
import { queryKeys } from '../app/query-keys.js';
import { bookingStaffApi } from '../booking-staff/api.js';
import { SlotPicker } from '../booking-staff/slot-picker.js';
import { bookingErrorText, useBookingWords } from '../booking-staff/words.js';

const isActive = (b: CallerBooking) => (activeBookingStatuses as readonly string[]).includes(b.status);

export function CallerBookings({ bookings, full }: { bookings: CallerBooking[]; full: boolean }) {
  const { t } = useBookingWords();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} data-testid="caller-bookings">
      <h4 id={titleId}>{t('bstaff.cc.bookings')}</h4>
      {bookings.length === 0 ? (
        <p className="muted">{t('bstaff.cc.noBookings')}</p>
      ) : (
        <>
          {full ? (
            <p className="notice small" role="status" data-testid="bookings-full">
              {t('bstaff.cc.bookingsFull')}
            </p>
          ) : (
            <p className="muted small">{t('bstaff.cc.bookingsMasked')}</p>
          )}
          <ul className="cc-list">
            {bookings.map((b) => (
              // a full code is the booking's own (a moved one keeps its row and what it said); a masked
              // one is not unique alone: with the service and time it is
              <li key={full ? b.code : `${b.code}-${b.service.code}-${b.start}`} data-testid="caller-booking">
                <CallerBookingRow booking={b} full={full} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CallerBookingRow({ booking, full }: { booking: CallerBooking; full: boolean }) {
  const w = useBookingWords(booking.timeZone);
  const { t } = w;
  const [panel, setPanel] = useState<'cancel' | 'move' | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.callcenter.all });
  const cancel = useMutation({
    mutationFn: () => bookingStaffApi.cancel(booking.code, booking.phone ?? ''),
    onSuccess: () => {
      setPanel(null);
      void refresh();
    },
  });
  const move = useMutation({
    mutationFn: (start: string) => bookingStaffApi.reschedule(booking.code, booking.phone ?? '', start),
    onSuccess: () => {
      setPanel(null);
      setSlot(null);
      void refresh();
    },
  });
  const actions = full && booking.phone !== null && isActive(booking);
  const error = cancel.error ?? move.error;
  return (
    <>
      <strong>{w.at(booking.start)}</strong> · {booking.service.title} ·{' '}
      <span data-testid="caller-booking-status">{w.status(booking.status)}</span>
      <span className="block small">
        {booking.officeName} · {t('bstaff.code')}:{' '}
        <span data-testid="caller-booking-code">{booking.code}</span> · {w.channel(booking.channel)}
        {booking.cancelReason && ` · ${w.reason(booking.cancelReason)}`}
      </span>
      <span className="block small">
        {full && booking.name !== null
          ? `${booking.name} · ${booking.phone}${booking.email ? ` · ${booking.email}` : ''}`
          : `${booking.nameMasked} · ${booking.phoneMasked}`}
      </span>
      {actions && (
        <span className="cc-actions">
          <button
            type="button"
            className="button button-small"
            aria-expanded={panel === 'move'}
            onClick={() => setPanel(panel === 'move' ? null : 'move')}
          >
            {t('bstaff.cc.move')}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-expanded={panel === 'cancel'}
            onClick={() => setPanel(panel === 'cancel' ? null : 'cancel')}
          >
            {t('bstaff.cc.cancel')}
          </button>
        </span>
      )}
      {actions && panel === 'cancel' && (
        <span className="block">
          {t('bstaff.cc.cancelSure')}{' '}
          <button
            type="button"
            className="button button-small button-danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('bstaff.cc.cancelConfirm')}
          </button>
        </span>
      )}
      {actions && panel === 'move' && (
        <div className="bs-move">
          <SlotPicker
            prefix="callcenter"
            office={booking.officeCode}
            service={booking.service.code}
            timeZone={booking.timeZone}
            picked={slot?.start ?? null}
            onPick={setSlot}
          />
          <button
            type="button"
            className="button button-primary"
            disabled={slot === null || move.isPending}
            onClick={() => slot && move.mutate(slot.start)}
          >
            {slot ? t('bstaff.cc.moveTo', { time: w.at(slot.start) }) : t('bstaff.pickTime')}
          </button>
        </div>
      )}
      {(cancel.isSuccess || move.isSuccess) && (
        <span className="notice notice-ok block" role="status">
          {cancel.isSuccess ? t('bstaff.cc.cancelled') : t('bstaff.cc.moved')}
        </span>
      )}
      {error && (
        <span className="notice notice-error block" role="alert">
          {bookingErrorText(w, error)}
        </span>
      )}
    </>
  );
}
