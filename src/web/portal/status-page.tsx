/**
 * "/status" — a case's status for the citizen (issue 11): the case number and the PIN from the receipt,
 * then the answer of GET /api/status as a timeline. The receipt's QR code opens `/status?number=…&pin=…`:
 * both fields are filled and the case is looked up at once, and the PIN leaves the address bar (it moves
 * into the history entry's state, like the booking's phone) so it is not left in the address for the next
 * person at a shared computer. An unknown number and a wrong PIN read the same.
 */
import './book.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { parseCaseNumber, parsePin } from '../../shared/case-number.js';
import { Loading } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { caseStatusQuery, retryAfterMinutes, statusRefusal } from '../status/status-api.js';
import { StatusView } from '../status/status-view.js';

type StatusState = { pin?: string } | null;

const statusPath = (number: string) => `/status?number=${encodeURIComponent(number)}`;

export function StatusPage() {
  const { t, tn } = useT();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const typedNumber = params.get('number') ?? '';
  const number = parseCaseNumber(typedNumber) ?? '';
  const linkPin = parsePin(params.get('pin') ?? '');
  const pin = linkPin ?? (location.state as StatusState)?.pin ?? '';
  const found = useQuery({ ...caseStatusQuery(number, pin), enabled: number !== '' && pin !== '' });
  useTitle(
    found.data ? t('status.heading', { number: found.data.number }) : t('status.title'),
    t('status.meta'),
  );

  // the QR's link: look up with its PIN, and keep the PIN out of the address from now on
  useEffect(() => {
    if (linkPin && number) navigate(statusPath(number), { replace: true, state: { pin: linkPin } });
  }, [linkPin, number, navigate]);

  if (found.data)
    return (
      <div className="status-page">
        <h1>{t('status.heading', { number: found.data.number })}</h1>
        <StatusView status={found.data} variant="portal" />
        <p>
          <Link to="/status">{t('status.other')}</Link>
        </p>
      </div>
    );
  if (number && pin && found.isPending) return <Loading space="space-page" />;
  const refusal = found.error ? statusRefusal(found.error) : null;
  const minutes = found.error ? retryAfterMinutes(found.error) : null;
  const refusalText =
    refusal === 'not_found'
      ? t('status.notFound')
      : refusal === 'rate_limited'
        ? minutes
          ? tn('status.rateLimitedFor', minutes)
          : t('status.rateLimited')
        : t('status.failed');
  return (
    <div className="status-page">
      <h1>{t('status.title')}</h1>
      <p>{t('status.intro')}</p>
      <div aria-live="polite">
        {refusal && (
          <div className="notice notice-error" role="alert" data-testid="status-refusal">
            <p>{refusalText}</p>
            {refusal === 'failed' && (
              <button type="button" className="button" onClick={() => void found.refetch()}>
                {t('status.retry')}
              </button>
            )}
          </div>
        )}
      </div>
      <LookupForm
        key={`${typedNumber}|${pin}`}
        defaultNumber={number || typedNumber}
        defaultPin={pin}
        onLookup={(values) => navigate(statusPath(values.number), { state: { pin: values.pin } })}
      />
    </div>
  );
}

function LookupForm(props: {
  defaultNumber: string;
  defaultPin: string;
  onLookup: (values: { number: string; pin: string }) => void;
}) {
  const { t } = useT();
  const ids = useId();
  const form = useForm<{ number: string; pin: string }>({
    defaultValues: { number: props.defaultNumber, pin: props.defaultPin },
  });
  const { errors } = form.formState;
  const aria = (field: 'number' | 'pin') => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': [`${ids}-${field}-hint`, errors[field] ? `${ids}-${field}-error` : '']
      .filter(Boolean)
      .join(' '),
  });
  const fieldError = (field: 'number' | 'pin') =>
    errors[field] && (
      <p className="field-error" id={`${ids}-${field}-error`}>
        {errors[field]?.message}
      </p>
    );
  return (
    <form
      className="book-form status-form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        // a pasted status link fills the PIN too
        const pinFromLink = /[?&]pin=(\d{6})\b/.exec(values.number)?.[1];
        props.onLookup({
          number: parseCaseNumber(values.number)!,
          pin: parsePin(values.pin) ?? pinFromLink ?? '',
        });
      })}
    >
      <div className="field">
        <label htmlFor={`${ids}-number`}>{t('status.number')}</label>
        <p className="muted small" id={`${ids}-number-hint`}>
          {t('status.numberHint')}
        </p>
        <input
          id={`${ids}-number`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          data-testid="status-number"
          {...aria('number')}
          {...form.register('number', {
            validate: (v) =>
              !v.trim() ? t('status.err.required') : parseCaseNumber(v) ? true : t('status.err.number'),
          })}
        />
        {fieldError('number')}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-pin`}>{t('status.pin')}</label>
        <p className="muted small" id={`${ids}-pin-hint`}>
          {t('status.pinHint')}
        </p>
        <input
          id={`${ids}-pin`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          data-testid="status-pin"
          {...aria('pin')}
          {...form.register('pin', {
            validate: (v, all) =>
              parsePin(v) || /[?&]pin=\d{6}\b/.test(all.number)
                ? true
                : !v.trim()
                  ? t('status.err.required')
                  : t('status.err.pin'),
          })}
        />
        {fieldError('pin')}
      </div>
      <button type="submit" className="button button-primary" data-testid="status-submit">
        {t('status.find')}
      </button>
    </form>
  );
}
