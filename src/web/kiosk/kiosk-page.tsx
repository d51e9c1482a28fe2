/**
 * /kiosk/:office — the touch screen in an office's hall (1080×1920 portrait or 1920×1080 landscape), full
 * screen, no portal frame, no staff session: an enrolled device with its token (device-token.ts). Without a
 * token it shows «Подключение инфомата» and takes the one-time code on its own keyboard. With one: the
 * office and its load, then a purpose or a service (by category, or searched on the Russian keyboard), an
 * optional priority category, an optional phone for the "your turn is near" SMS, and the ticket; or, for a
 * booking (issue 10), «У меня запись» (check-in by the booking's code, kiosk-check-in.tsx) and «Записаться на
 * другой день» (kiosk-booking.tsx); a case's status (issue 11, kiosk-status.tsx); «Оценить качество
 * обслуживания» by the ticket's QR (issue 12, kiosk-rating.tsx). After
 * 60 s without a touch (`?idle=` seconds for tests) it goes back to the first screen.
 */
import './kiosk.css';
import './kiosk-booking.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { IssuedTicket, KioskSetup, VisitPurpose } from '../../shared/queue.js';
import { ApiError } from '../app/api.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { queryKeys } from '../app/query-keys.js';
import { useDeviceToken } from './device-token.js';
import { LetterKeyboard } from './keyboards.js';
import { kioskApi } from './kiosk-api.js';
import { BookingFlow } from './kiosk-booking.js';
import { CheckInScreen } from './kiosk-check-in.js';
import { KioskLanguage } from './kiosk-language.js';
import { KioskRatingScreen } from './kiosk-rating.js';
import {
  CategoriesScreen,
  type Choice,
  PhoneScreen,
  PriorityScreen,
  RefusalScreen,
  SearchScreen,
  ServicesScreen,
  StartScreen,
  TicketScreen,
} from './kiosk-screens.js';
import { KioskStatusScreen } from './kiosk-status.js';
import { idleMilliseconds, useIdle } from './use-idle.js';

export function KioskPage() {
  const { office = '' } = useParams();
  return <KioskDevice key={office} office={office} />;
}

function KioskDevice({ office }: { office: string }) {
  const device = useDeviceToken(office);
  const [revoked, setRevoked] = useState(false);
  const forget = useCallback(() => {
    setRevoked(true);
    device.forget();
  }, [device.forget]);
  return (
    <KioskFrame>
      {device.token === null ? (
        <EnrollScreen office={office} revoked={revoked} onEnrolled={device.save} />
      ) : (
        <KioskFlow office={office} token={device.token} onRevoked={forget} />
      )}
    </KioskFrame>
  );
}

/** The kiosk's own full-screen frame: the language buttons and the screen. */
function KioskFrame({ children }: { children: React.ReactNode }) {
  useEffect(() => {
    document.documentElement.classList.add('kiosk-mode');
    return () => document.documentElement.classList.remove('kiosk-mode');
  }, []);
  return (
    <main id="main" className="kiosk" tabIndex={-1}>
      {children}
    </main>
  );
}

const enrollRows = ['ABCDEFGH', 'JKMNPQRS', 'TUVWXYZ', '23456789'];

function EnrollScreen(props: { office: string; revoked: boolean; onEnrolled: (token: string) => void }) {
  const { t } = useT();
  useTitle(t('kiosk.enroll'));
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(props.revoked ? t('kiosk.enrollRevoked') : null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { token, kiosk } = await kioskApi.enroll(code);
      if (kiosk.officeCode !== props.office) setProblem(t('kiosk.enrollOther', { office: kiosk.officeCode }));
      else props.onEnrolled(token);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 404 ? t('kiosk.enrollWrong') : t('kiosk.loadFailed'),
      );
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="kiosk-screen" data-testid="kiosk-enroll">
      <div className="kiosk-top">
        <h1>{t('kiosk.enroll')}</h1>
        <KioskLanguage />
      </div>
      <p className="kiosk-lead">{t('kiosk.enrollText')}</p>
      <p className="kiosk-entry" aria-live="polite">
        <span className="visually-hidden">{t('kiosk.enrollCode')}: </span>
        <output data-testid="kiosk-enroll-code">{code.padEnd(8, '·')}</output>
      </p>
      {problem && (
        <p className="kiosk-problem" role="alert">
          {problem}
        </p>
      )}
      <LetterKeyboard value={code} onChange={setCode} rows={enrollRows} space={false} maxLength={8} />
      <div className="kiosk-actions">
        <button
          type="button"
          className="kiosk-button kiosk-button-primary"
          disabled={code.length !== 8 || busy}
          onClick={submit}
        >
          {t('kiosk.enrollSubmit')}
        </button>
      </div>
    </div>
  );
}

type Step =
  | { kind: 'start' }
  | { kind: 'categories' }
  | { kind: 'services'; category: string }
  | { kind: 'search' }
  | { kind: 'priority' }
  | { kind: 'phone' }
  | { kind: 'ticket'; ticket: IssuedTicket }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'check-in' }
  | { kind: 'book' }
  | { kind: 'status' }
  | { kind: 'rate' };

function KioskFlow(props: { office: string; token: string; onRevoked: () => void }) {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const setupKey = queryKeys.queue.kioskSetup(props.office);
  const setup = useQuery({
    queryKey: setupKey,
    queryFn: ({ signal }) => kioskApi.setup(props.office, props.token, signal),
    refetchInterval: 30_000,
  });
  useTitle(setup.data ? t('kiosk.pageTitle', { office: setup.data.office.name }) : t('kiosk.title'));
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [choice, setChoice] = useState<Choice>({});
  const [priority, setPriority] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);

  const restart = useCallback(() => {
    setStep({ kind: 'start' });
    setChoice({});
    setPriority(null);
    setPhone('');
  }, []);
  useIdle(step.kind !== 'start', idleMilliseconds(window.location.search), restart);

  const chosen = (next: Choice, data: KioskSetup) => {
    setChoice(next);
    setStep(data.priorities.length > 0 ? { kind: 'priority' } : { kind: 'phone' });
  };
  const issue = async (withPhone: boolean) => {
    setBusy(true);
    try {
      const ticket = await kioskApi.issue(props.office, props.token, {
        ...(choice.service ? { service: choice.service.code } : {}),
        ...(choice.purpose ? { purpose: choice.purpose } : {}),
        ...(priority ? { priority } : {}),
        ...(withPhone && phone.length === 10 ? { phone: `+7${phone}` } : {}),
        locale: lang,
      });
      setStep({ kind: 'ticket', ticket });
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      if (error.code === 'KIOSK_REQUIRED') props.onRevoked();
      else setStep({ kind: 'refused', error });
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: setupKey });
    }
  };

  if (!setup.data)
    return (
      <div className="kiosk-screen">
        <div className="kiosk-top">
          <h1>{t('kiosk.title')}</h1>
          <KioskLanguage />
        </div>
        {setup.error ? (
          <p className="kiosk-problem" role="alert">
            {setup.error.status === 404 ? t('kiosk.officeUnknown') : t('kiosk.loadFailed')}
          </p>
        ) : (
          <p className="kiosk-lead">{t('common.loading')}</p>
        )}
      </div>
    );
  const data = setup.data;
  const home = () => restart();
  const purpose = (p: VisitPurpose) => chosen({ purpose: p }, data);
  switch (step.kind) {
    case 'start':
      return (
        <StartScreen
          setup={data}
          onPurpose={purpose}
          onCategories={() => setStep({ kind: 'categories' })}
          onSearch={() => setStep({ kind: 'search' })}
          onCheckIn={() => setStep({ kind: 'check-in' })}
          onBook={() => setStep({ kind: 'book' })}
          onStatus={() => setStep({ kind: 'status' })}
          onRate={() => setStep({ kind: 'rate' })}
        />
      );
    case 'categories':
      return (
        <CategoriesScreen
          setup={data}
          onCategory={(category) => setStep({ kind: 'services', category })}
          onBack={home}
        />
      );
    case 'services':
      return (
        <ServicesScreen
          setup={data}
          category={step.category}
          onService={(service) => chosen({ service }, data)}
          onBack={() => setStep({ kind: 'categories' })}
          onHome={home}
        />
      );
    case 'search':
      return <SearchScreen setup={data} onService={(service) => chosen({ service }, data)} onHome={home} />;
    case 'priority':
      return (
        <PriorityScreen
          setup={data}
          value={priority}
          onChoose={(code) => {
            setPriority(code);
            setStep({ kind: 'phone' });
          }}
          onHome={home}
        />
      );
    case 'phone':
      return (
        <PhoneScreen
          setup={data}
          value={phone}
          onChange={setPhone}
          busy={busy}
          onSkip={() => issue(false)}
          onDone={() => issue(true)}
          onHome={home}
        />
      );
    case 'ticket':
      return <TicketScreen setup={data} ticket={step.ticket} onDone={home} />;
    case 'refused':
      return <RefusalScreen setup={data} error={step.error} onHome={home} />;
    // what a person enters in these three stays inside them: back at the start (idle too) it is gone
    case 'check-in':
      return <CheckInScreen setup={data} token={props.token} onRevoked={props.onRevoked} onHome={home} />;
    case 'book':
      return <BookingFlow setup={data} token={props.token} onRevoked={props.onRevoked} onHome={home} />;
    case 'status':
      return <KioskStatusScreen setup={data} token={props.token} onHome={home} />;
    case 'rate':
      return <KioskRatingScreen setup={data} token={props.token} onHome={home} />;
  }
}
