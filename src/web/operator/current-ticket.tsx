/**
 * The ticket at the operator's window, big, with the actions its state allows: nobody at the window —
 * «Вызвать следующего», «Перерыв», «Закрыть окно» (on a break: «Продолжить»); called — «Повторный вызов»,
 * «Не явился» (once called often enough; until then the button says why not), «Начать приём»; called or
 * served — «Отложить», «Перенаправить»; served — «Принять заявление» (acceptance at /cases/new with this ticket), «Завершить» with the outcome. The forms open under the
 * buttons (ticket-forms.tsx). What happened is said in a live region («Вызван талон А-005», «Очередь
 * пуста») and the focus goes back to the panel's heading, so a keyboard or screen-reader user is where
 * the next action is. A refusal is said in words (words.tsx).
 */
import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { OfficeOverview, WindowState } from '../../shared/queue.js';
import { caseLinks } from '../cases/cases-api.js';
import { queueApi } from './api.js';
import type { HeldWindow } from './console.js';
import { NextVisitForm } from './next-visit.js';
import { FinishForm, PauseForm, PostponeForm, RedirectForm } from './ticket-forms.js';
import { useQueueAction } from './use-queue-action.js';
import { QueueError, useQueueWords } from './words.js';

type Panel = 'finish' | 'postpone' | 'redirect' | 'pause' | 'book' | null;

export function CurrentTicket({
  mine,
  office,
  window,
  overview,
}: HeldWindow & { overview: OfficeOverview | undefined }) {
  const w = useQueueWords(office.timeZone);
  const { t } = w;
  const act = useQueueAction();
  const [said, setSaid] = useState('');
  const [panel, setPanel] = useState<Panel>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ticket = window.ticket;
  const busy = act.busy;

  const done = (message: string) => {
    setSaid(message);
    setPanel(null);
    heading.current?.focus();
  };
  const toggle = (next: Exclude<Panel, null>) => {
    act.clear();
    setSaid('');
    setPanel((open) => (open === next ? null : next));
  };
  const button = (
    label: string,
    onClick: () => void,
    options: { primary?: boolean; disabled?: boolean } = {},
  ) => (
    <button
      type="button"
      className={options.primary ? 'button button-primary' : 'button'}
      disabled={busy || options.disabled}
      onClick={() => {
        setPanel(null);
        setSaid('');
        onClick();
      }}
    >
      {label}
    </button>
  );
  const opener = (kind: Exclude<Panel, null>, label: string) => (
    <button
      type="button"
      className="button"
      aria-expanded={panel === kind}
      aria-controls={panel === kind ? `op-form-${kind}` : undefined}
      disabled={busy}
      onClick={() => toggle(kind)}
    >
      {label}
    </button>
  );
  const noShowReady = ticket !== null && ticket.calls >= mine.noShowAfterCalls;

  return (
    <section aria-labelledby="op-current" className="op-panel op-current" data-testid="current-ticket">
      <h2 id="op-current" ref={heading} tabIndex={-1}>
        {t('operator.current')}
      </h2>
      <p
        className={said ? 'notice notice-ok op-said' : 'op-said'}
        role="status"
        aria-live="polite"
        data-testid="op-said"
      >
        {said}
      </p>
      {ticket ? (
        <>
          <p className="op-number" data-testid="current-number">
            <span className="visually-hidden">{t('operator.ticket.number')}: </span>
            {ticket.number}
          </p>
          <p className="op-state" data-testid="current-status">
            {w.status(ticket.status)}
          </p>
          <dl className="op-facts">
            <div>
              <dt>{t('operator.ticket.service')}</dt>
              <dd>{w.subject(ticket)}</dd>
            </div>
            <div>
              <dt>{t('operator.ticket.priority')}</dt>
              <dd>{ticket.priority?.title ?? t('operator.ticket.none')}</dd>
            </div>
            <div>
              <dt>{t('operator.ticket.waited')}</dt>
              <dd>{w.minutes(ticket.waitedMinutes)}</dd>
            </div>
            <div>
              <dt>{t('operator.ticket.calls')}</dt>
              <dd data-testid="current-calls">{ticket.calls}</dd>
            </div>
          </dl>
          <div className="op-actions">
            {ticket.status === 'called' && (
              <>
                {button(
                  t('operator.start'),
                  () =>
                    void act.run(
                      () => queueApi.start(ticket.id),
                      (tk) => done(t('operator.started', { number: tk.number })),
                    ),
                  { primary: true },
                )}
                {button(
                  t('operator.recall'),
                  () =>
                    void act.run(
                      () => queueApi.recall(ticket.id),
                      (tk) => done(t('operator.recalled', { number: tk.number })),
                    ),
                )}
                <button
                  type="button"
                  className="button"
                  disabled={busy || !noShowReady}
                  aria-describedby={noShowReady ? undefined : 'op-no-show-why'}
                  onClick={() => {
                    setPanel(null);
                    void act.run(
                      () => queueApi.noShow(ticket.id),
                      (tk) => done(t('operator.markedNoShow', { number: tk.number })),
                    );
                  }}
                >
                  {t('operator.noShow')}
                </button>
              </>
            )}
            {ticket.status === 'serving' && (
              <Link
                to={caseLinks.accept({
                  ticket: ticket.id,
                  office: office.code,
                  service: ticket.service?.code,
                })}
                className="button button-primary"
                data-testid="op-accept-case"
              >
                {t('cases.op.accept')}
              </Link>
            )}
            {ticket.status === 'serving' && opener('finish', t('operator.finish'))}
            {opener('postpone', t('operator.postpone'))}
            {opener('redirect', t('operator.redirect'))}
            {opener('book', t('bstaff.op.open'))}
          </div>
          {ticket.status === 'called' && !noShowReady && (
            <p className="muted small" id="op-no-show-why">
              {t('operator.noShowWhy', { n: mine.noShowAfterCalls, calls: ticket.calls })}
            </p>
          )}
          {panel === 'finish' && ticket.status === 'serving' && (
            <FinishForm
              ticket={ticket}
              onDone={(tk) => done(t('operator.finished', { number: tk.number }))}
            />
          )}
          {panel === 'postpone' && (
            <PostponeForm
              ticket={ticket}
              minutes={mine.postponeMinutes}
              onDone={(tk, minutes) => done(t('operator.postponed', { number: tk.number, minutes }))}
            />
          )}
          {panel === 'book' && <NextVisitForm office={office} ticket={ticket} />}
          {panel === 'redirect' && (
            <RedirectForm
              ticket={ticket}
              office={office.code}
              window={window}
              windows={overview?.windows ?? []}
              onDone={(tk) => done(t('operator.redirected', { number: tk.number }))}
            />
          )}
        </>
      ) : (
        <>
          <p className="muted">
            {window.status === 'paused' ? t('operator.pausedText') : t('operator.noTicket')}
          </p>
          <WindowActions
            office={office.code}
            window={window}
            act={act}
            opener={opener}
            button={button}
            onSaid={done}
          />
          {panel === 'pause' && window.status === 'open' && (
            <PauseForm
              office={office.code}
              window={window.number}
              onDone={(reason) => done(t('operator.paused', { reason }))}
            />
          )}
        </>
      )}
      <QueueError error={act.error} testId="op-error" />
    </section>
  );
}

/** A window with nobody at it: call the next ticket, take a break or come back from one, close it. */
function WindowActions({
  office,
  window,
  act,
  opener,
  button,
  onSaid,
}: {
  office: string;
  window: WindowState;
  act: ReturnType<typeof useQueueAction>;
  opener: (kind: 'pause', label: string) => ReactNode;
  button: (label: string, onClick: () => void, options?: { primary?: boolean }) => ReactNode;
  onSaid: (message: string) => void;
}) {
  const { t } = useQueueWords();
  return (
    <div className="op-actions">
      {window.status === 'open' &&
        button(
          t('operator.callNext'),
          () =>
            void act.run(
              () => queueApi.callNext(office, window.number),
              (result) =>
                onSaid(
                  result.ticket
                    ? t('operator.called', { number: result.ticket.number })
                    : t('operator.queueEmpty'),
                ),
            ),
          { primary: true },
        )}
      {window.status === 'open' && opener('pause', t('operator.pause'))}
      {window.status === 'paused' &&
        button(
          t('operator.resume'),
          () =>
            void act.run(
              () => queueApi.resume(office, window.number),
              () => onSaid(t('queue.window.open')),
            ),
          { primary: true },
        )}
      {button(t('operator.close'), () => void act.run(() => queueApi.closeWindow(office, window.number)))}
    </div>
  );
}
