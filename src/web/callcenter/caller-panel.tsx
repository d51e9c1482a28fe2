/**
 * The caller: a phone in any spelling → «Найти» shows what okno knows of the number, masked (earlier
 * calls, notifications, promised call-backs), and puts the number on the running call. Then the
 * verification — the question the caller answered — opens «Показать полностью» (the full number and the
 * texts; the server logs every view), and «Отправить последнее уведомление снова».
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Booking } from '../../shared/booking.js';
import {
  type Call,
  type CallerLookup,
  phoneInputSchema,
  type VerificationQuestion,
  verificationQuestions,
} from '../../shared/callcenter.js';
import { CheckField, ChoiceField, TextField } from '../admin/components/fields.js';
import { ApiError } from '../app/api.js';
import { QueryStatus } from '../app/components.js';
import { issueMessage, issueOfZod } from '../app/issues.js';
import { callcenterApi } from './api.js';
import { BookForCaller } from './book-for-caller.js';
import { CallerBookings } from './caller-bookings.js';
import { CallerCases } from './caller-cases.js';
import { callcenterQueries } from './queries.js';
import { useCallWords } from './words.js';

export function CallerPanel({
  call,
  phone,
  onPhone,
  service,
  onBooked,
}: {
  call: Call | null;
  /** The number looked up, as typed. */
  phone: string;
  onPhone: (phone: string) => void;
  /** The service opened in the catalog panel: what «Записать» books. */
  service: { code: string; title: string } | null;
  onBooked: (booking: Booking) => void;
}) {
  const { t } = useCallWords();
  const [draft, setDraft] = useState(phone);
  const [problem, setProblem] = useState<string | undefined>();
  const lookup = useQuery(callcenterQueries.lookup(phone, call));
  const attach = useMutation({
    mutationFn: (args: { id: string; phone: string }) =>
      callcenterApi.updateCall(args.id, { phone: args.phone }),
  });
  useEffect(() => setDraft(phone), [phone]);

  const find = (event: FormEvent) => {
    event.preventDefault();
    const parsed = phoneInputSchema.safeParse(draft);
    if (!parsed.success) {
      setProblem(issueMessage(t, issueOfZod(parsed.error.issues[0])));
      return;
    }
    setProblem(undefined);
    onPhone(parsed.data);
    if (call) attach.mutate({ id: call.id, phone: parsed.data });
  };

  return (
    <section aria-labelledby="cc-caller" className="cc-panel" data-testid="caller-panel">
      <h2 id="cc-caller">{t('callcenter.caller')}</h2>
      <form className="cc-inline-form" onSubmit={find} noValidate aria-labelledby="cc-caller">
        <TextField
          form="caller"
          path="phone"
          type="tel"
          autoComplete="off"
          label={t('callcenter.phone')}
          hint={t('callcenter.phoneHint')}
          value={draft}
          onChange={setDraft}
          errors={problem ? { phone: problem } : undefined}
        />
        <button type="submit" className="button button-primary">
          {t('callcenter.find')}
        </button>
      </form>
      {attach.error && (
        <p className="notice notice-error" role="alert">
          {t('callcenter.failed')}
        </p>
      )}
      {phone !== '' && <QueryStatus query={lookup} />}
      {lookup.data && <CallerFound found={lookup.data} />}
      {lookup.data && (
        <CallerVerified
          key={call?.id ?? 'none'}
          call={call && call.phone !== null && !attach.isPending ? call : null}
        />
      )}
      {lookup.data && <BookForCaller key={phone} service={service} phone={phone} onBooked={onBooked} />}
    </section>
  );
}

function CallerFound({ found }: { found: CallerLookup }) {
  const words = useCallWords();
  const { t, outcome } = words;
  return (
    <div data-testid="caller-found">
      <h3>{t('callcenter.callerPhone', { phone: found.phone })}</h3>

      <CallerBookings bookings={found.bookings} full={found.bookingsFull} />
      <CallerCases cases={found.cases} full={found.casesFull} />

      <h4>{t('callcenter.messages')}</h4>
      {found.messages.length === 0 ? (
        <p className="muted">{t('callcenter.noMessages')}</p>
      ) : (
        <ul className="cc-list" data-testid="caller-messages">
          {found.messages.map((m) => (
            <li key={m.id}>
              <strong>{words.event(m.event)}</strong> · {words.channel(m.channel)} · {words.status(m.status)}
              <span className="muted small block">
                {words.at(m.createdAt)} · {m.recipient}
                {m.about ? ` · ${m.about.ref}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h4>{t('callcenter.openCallbacks')}</h4>
      {found.callbacks.length === 0 ? (
        <p className="muted">{t('callcenter.noOpenCallbacks')}</p>
      ) : (
        <ul className="cc-list">
          {found.callbacks.map((c) => (
            <li key={c.id} className={c.overdue ? 'cc-overdue' : undefined}>
              <strong>{words.at(c.dueAt)}</strong>
              {c.overdue && <span className="badge badge-warn">{t('callcenter.overdue')}</span>}
              {c.note && <span className="block">{c.note}</span>}
            </li>
          ))}
        </ul>
      )}

      <h4>{t('callcenter.previousCalls')}</h4>
      {found.calls.length === 0 ? (
        <p className="muted">{t('callcenter.noPreviousCalls')}</p>
      ) : (
        <ul className="cc-list">
          {found.calls.map((c) => (
            <li key={c.id}>
              <strong>{words.at(c.startedAt)}</strong> ·{' '}
              {c.outcome ? outcome(c.outcome) : t('callcenter.inProgress')} · {c.operator.login}
              {c.service && <span className="block">{c.service.title}</span>}
              {c.note && <span className="muted small block">{c.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The verification, the logged full view and the re-send: only on a running call with the number on it. */
function CallerVerified({ call }: { call: Call | null }) {
  const words = useCallWords();
  const { t } = words;
  const [question, setQuestion] = useState<VerificationQuestion>(call?.verifiedQuestion ?? 'name_and_date');
  // what was just ticked, held from the click itself (a mutation's own pending state arrives a tick
  // later, and a controlled checkbox would flick back meanwhile) until the server's answer is in place
  const [ticked, setTicked] = useState<boolean | null>(null);
  // for «booking_code»: the code the caller read out, checked by the server against the number's bookings
  const [bookingCode, setBookingCode] = useState('');
  // for «case_pin»: the PIN from a receipt the caller read out, checked against the number's cases
  const [casePin, setCasePin] = useState('');
  const verify = useMutation({
    mutationFn: (answered: boolean) =>
      callcenterApi.verify(call?.id ?? '', {
        answered,
        question,
        ...(answered && question === 'booking_code' ? { bookingCode } : {}),
        ...(answered && question === 'case_pin' ? { casePin } : {}),
      }),
    onSettled: () => setTicked(null),
  });
  const codeRefused =
    verify.error instanceof ApiError && verify.error.validationDetails.some((d) => d.path === 'bookingCode');
  const pinRefused =
    verify.error instanceof ApiError && verify.error.validationDetails.some((d) => d.path === 'casePin');
  const contact = useMutation({ mutationFn: (id: string) => callcenterApi.contact(id) });
  const resend = useMutation({ mutationFn: (id: string) => callcenterApi.resend(id) });
  const verified = call?.verifiedAt != null;
  const titleId = useId();
  const { reset } = contact;
  // a new number, a withdrawn answer or another call: what was shown in full goes away
  useEffect(() => {
    if (!verified) reset();
  }, [verified, reset]);

  if (!call) return <p className="notice">{t('callcenter.verifyNeedsCall')}</p>;
  return (
    <section aria-labelledby={titleId} className="cc-verify">
      <h3 id={titleId}>{t('callcenter.verify')}</h3>
      <ChoiceField
        form="verify"
        path="question"
        label={t('callcenter.question')}
        value={question}
        onChange={(value) => setQuestion(value as VerificationQuestion)}
        options={verificationQuestions.map((q) => ({ value: q, label: words.question(q) }))}
      />
      {question === 'booking_code' && (
        <TextField
          form="verify"
          path="bookingCode"
          autoComplete="off"
          label={t('bstaff.cc.toldCode')}
          hint={t('bstaff.cc.toldCodeHint')}
          value={bookingCode}
          onChange={setBookingCode}
          errors={codeRefused ? { bookingCode: t('bstaff.cc.wrongCode') } : undefined}
        />
      )}
      {question === 'case_pin' && (
        <TextField
          form="verify"
          path="casePin"
          autoComplete="off"
          label={t('ccCases.toldPin')}
          hint={t('ccCases.toldPinHint')}
          value={casePin}
          onChange={setCasePin}
          errors={pinRefused ? { casePin: t('ccCases.wrongPin') } : undefined}
        />
      )}
      <CheckField
        form="verify"
        path="answered"
        label={t('callcenter.answered')}
        // what was just ticked shows at once; the server's answer then holds it (or not)
        checked={ticked ?? verified}
        onChange={(checked) => {
          setTicked(checked);
          verify.mutate(checked);
        }}
      />
      {verify.error && (
        <p className="notice notice-error" role="alert">
          {codeRefused
            ? t('bstaff.cc.wrongCode')
            : pinRefused
              ? t('ccCases.wrongPin')
              : t('callcenter.failed')}
        </p>
      )}
      <div className="cc-actions">
        <button
          type="button"
          className="button"
          disabled={!verified || contact.isPending}
          aria-describedby={verified ? undefined : `${titleId}-why`}
          onClick={() => contact.mutate(call.id)}
        >
          {t('callcenter.showFull')}
        </button>
        <button
          type="button"
          className="button"
          disabled={resend.isPending}
          onClick={() => resend.mutate(call.id)}
        >
          {t('callcenter.resend')}
        </button>
      </div>
      {!verified && (
        <p className="muted small" id={`${titleId}-why`}>
          {t('callcenter.notVerified')}
        </p>
      )}
      {resend.isSuccess && (
        <p className="notice notice-ok" role="status">
          {t('callcenter.resent')}
        </p>
      )}
      {resend.error && (
        <p className="notice notice-error" role="alert">
          {resend.error instanceof ApiError && resend.error.isNotFound
            ? t('callcenter.nothingToResend')
            : t('callcenter.failed')}
        </p>
      )}
      {contact.error && (
        <p className="notice notice-error" role="alert">
          {contact.error instanceof ApiError && contact.error.code === 'NOT_VERIFIED'
            ? t('callcenter.notVerified')
            : t('callcenter.failed')}
        </p>
      )}
      {contact.data && verified && (
        <div className="cc-full" data-testid="caller-full">
          <p className="notice" role="status">
            {t('callcenter.fullLogged')}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('callcenter.fullPhone')}</dt>
              <dd>{contact.data.phone}</dd>
            </div>
          </dl>
          {contact.data.messages.length > 0 && (
            <>
              <h4>{t('callcenter.fullMessages')}</h4>
              <ul className="cc-list">
                {contact.data.messages.map((m) => (
                  <li key={m.id}>
                    <strong>{words.event(m.event)}</strong> · {words.at(m.createdAt)}
                    <span className="block cc-message-text">{m.text}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
