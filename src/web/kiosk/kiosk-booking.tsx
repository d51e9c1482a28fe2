/**
 * «Записаться на другой день» at the kiosk: a service (by section or the search) → a day of the next
 * fourteen (the office's free days; a full day is shown and cannot be chosen) → a time → the name on the
 * Russian keyboard → the mobile number on the keypad → the consents as big toggles → POST /api/bookings
 * with the kiosk's token (the booking's channel is 'kiosk') and an Idempotency-Key → the code, very big,
 * with a QR code of its manage page to take away on a phone. A time taken meanwhile offers the nearest free
 * ones. Everything the person entered lives in this component alone: the kiosk's idle timer goes back to
 * the first screen, which unmounts it, and their name and number are gone.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Booking, Slot } from '../../shared/booking.js';
import type { KioskSetup } from '../../shared/queue.js';
import { ApiError } from '../app/api.js';
import { useT } from '../app/i18n/index.js';
import { queryKeys } from '../app/query-keys.js';
import { isMobileDigits, personName, wallDate } from './booking-input.js';
import { kioskApi, newIdempotencyKey } from './kiosk-api.js';
import { BookedScreen, BookingRefusedScreen, TakenScreen } from './kiosk-booked.js';
import {
  ConfirmScreen,
  type Consents,
  DayScreen,
  NameScreen,
  PhoneEntryScreen,
  ServicePickScreen,
  TimeScreen,
} from './kiosk-booking-screens.js';
import { type ChosenService, SearchScreen, ServicesScreen } from './kiosk-screens.js';

type Step =
  | { kind: 'service' }
  | { kind: 'category'; category: string }
  | { kind: 'search' }
  | { kind: 'day' }
  | { kind: 'time'; date: string }
  | { kind: 'name' }
  | { kind: 'phone' }
  | { kind: 'confirm' }
  | { kind: 'taken'; nearest: Slot[] }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'booked'; booking: Booking };

/** Which step a 400 VALIDATION sends the person back to: the time (it is gone or was never offered), or the phone. */
function fieldOf(error: ApiError): 'start' | 'phone' | 'name' | null {
  for (const d of error.validationDetails) {
    if (d.path === 'start') return 'start';
    if (d.path === 'phone') return 'phone';
    if (d.path === 'name') return 'name';
  }
  return null;
}

export function BookingFlow(props: {
  setup: KioskSetup;
  token: string;
  onRevoked: () => void;
  onHome: () => void;
}) {
  const { lang } = useT();
  const { setup } = props;
  const office = setup.office.code;
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'service' });
  const [service, setService] = useState<ChosenService | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consents, setConsents] = useState<Consents>({ personalData: false, sms: false });
  const [busy, setBusy] = useState(false);
  // one key per attempt at one booking: a retry after a lost answer gets the same booking, another time a new key
  const [attempt, setAttempt] = useState(newIdempotencyKey);

  const chooseService = (chosen: ChosenService) => {
    setService(chosen);
    setStep({ kind: 'day' });
  };
  const chooseSlot = (chosen: Slot, next: Step) => {
    setSlot(chosen);
    setAttempt(newIdempotencyKey());
    setStep(next);
  };
  const freshTimes = (code: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.queue.kioskDays(office, code) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.queue.kioskTimes(office, code) }),
    ]);

  const book = async () => {
    if (!service || !slot || busy) return;
    setBusy(true);
    try {
      const booking = await kioskApi.book(
        props.token,
        {
          office,
          service: service.code,
          start: slot.start,
          name: personName(name),
          phone: `+7${phone}`,
          consents: { personalData: true, ...(consents.sms ? { sms: true } : {}) },
          locale: lang,
        },
        attempt,
      );
      setStep({ kind: 'booked', booking });
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      if (error.code === 'KIOSK_REQUIRED') props.onRevoked();
      else if (error.code === 'SLOT_TAKEN') {
        const nearest = (error.details as { nearest?: Slot[] } | undefined)?.nearest;
        setStep({ kind: 'taken', nearest: Array.isArray(nearest) ? nearest : [] });
      } else setStep({ kind: 'refused', error });
    } finally {
      setBusy(false);
      void freshTimes(service.code);
    }
  };

  const home = props.onHome;
  switch (step.kind) {
    case 'service':
      return (
        <ServicePickScreen
          setup={setup}
          onCategory={(category) => setStep({ kind: 'category', category })}
          onSearch={() => setStep({ kind: 'search' })}
          onHome={home}
        />
      );
    case 'category':
      return (
        <ServicesScreen
          setup={setup}
          category={step.category}
          onService={chooseService}
          onBack={() => setStep({ kind: 'service' })}
          onHome={home}
        />
      );
    case 'search':
      return <SearchScreen setup={setup} onService={chooseService} onHome={home} />;
    case 'day':
      return service ? (
        <DayScreen
          setup={setup}
          service={service}
          onDay={(date) => setStep({ kind: 'time', date })}
          onBack={() => setStep({ kind: 'service' })}
          onHome={home}
        />
      ) : null;
    case 'time':
      return service ? (
        <TimeScreen
          setup={setup}
          service={service}
          date={step.date}
          onTime={(chosen) => chooseSlot(chosen, name ? { kind: 'confirm' } : { kind: 'name' })}
          onBack={() => setStep({ kind: 'day' })}
          onHome={home}
        />
      ) : null;
    case 'name':
      return (
        <NameScreen
          setup={setup}
          value={name}
          onChange={setName}
          onNext={() => setStep(isMobileDigits(phone) ? { kind: 'confirm' } : { kind: 'phone' })}
          onBack={() =>
            setStep(
              slot ? { kind: 'time', date: wallDate(slot.start, setup.office.timeZone) } : { kind: 'day' },
            )
          }
          onHome={home}
        />
      );
    case 'phone':
      return (
        <PhoneEntryScreen
          setup={setup}
          value={phone}
          onChange={setPhone}
          onNext={() => setStep({ kind: 'confirm' })}
          onBack={() => setStep({ kind: 'name' })}
          onHome={home}
        />
      );
    case 'confirm':
      return service && slot ? (
        <ConfirmScreen
          setup={setup}
          service={service}
          slot={slot}
          name={personName(name)}
          phone={phone}
          consents={consents}
          onConsents={setConsents}
          busy={busy}
          onBook={book}
          onChangeTime={() => setStep({ kind: 'day' })}
          onChangeName={() => setStep({ kind: 'name' })}
          onChangePhone={() => setStep({ kind: 'phone' })}
          onHome={home}
        />
      ) : null;
    case 'taken':
      return (
        <TakenScreen
          setup={setup}
          nearest={step.nearest}
          onTime={(chosen) => chooseSlot(chosen, { kind: 'confirm' })}
          onOtherDay={() => setStep({ kind: 'day' })}
          onHome={home}
        />
      );
    case 'refused': {
      const field = fieldOf(step.error);
      return (
        <BookingRefusedScreen
          setup={setup}
          error={step.error}
          onFix={
            field === 'start'
              ? () => setStep({ kind: 'day' })
              : field === 'phone'
                ? () => setStep({ kind: 'phone' })
                : field === 'name'
                  ? () => setStep({ kind: 'name' })
                  : null
          }
          onHome={home}
        />
      );
    }
    case 'booked':
      return <BookedScreen setup={setup} booking={step.booking} onDone={home} />;
  }
}
