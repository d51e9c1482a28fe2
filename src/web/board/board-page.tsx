/**
 * "/board/:office" — the display board on a TV in the hall (1920×1080, read from across the hall): the
 * call being made, large («А-017 → окно 5», flashing when it comes), the latest calls, the number waiting,
 * the office's message line and a clock in the office's time zone. GET /board, then the office's live
 * events (office-events.ts) update the cached board; each call is announced in Russian, one after another
 * (announcer.ts). Browsers play no sound before a gesture: staff press «Включить звук» once.
 */
import './board.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { BoardCall, BoardState } from '../../shared/queue.js';
import { ErrorNotice, Loading } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { queryKeys } from '../app/query-keys.js';
import { portalQueries } from '../portal/queries.js';
import { type AnnouncementLog, boardSpeaker, callAnnouncement, createAnnouncer } from './announcer.js';
import { useOfficeEvents } from './office-events.js';

/** Calls the board lists under the current one. */
const shown = 8;

declare global {
  interface Window {
    /** The board's announcements so far (for tests and for a look from the console). */
    __oknoAnnouncements?: AnnouncementLog;
  }
}

export function BoardPage() {
  const { office = '' } = useParams();
  const { t } = useT();
  const board = useQuery(portalQueries.board(office));
  useTitle(board.data ? `${t('board.title')}: ${board.data.office.name}` : t('board.title'));

  if (board.error?.isNotFound)
    return (
      <main className="board board-empty">
        <h1>{t('board.notFound')}</h1>
        <p>{t('board.notFoundText', { code: office })}</p>
      </main>
    );
  if (board.error)
    return (
      <main className="board board-empty">
        <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />
      </main>
    );
  if (!board.data)
    return (
      <main className="board board-empty">
        <Loading />
      </main>
    );
  return <Board office={office} state={board.data} />;
}

function Board({ office, state }: { office: string; state: BoardState }) {
  const { t, tn } = useT();
  const queryClient = useQueryClient();
  const key = queryKeys.queue.board(office);
  const [sound, setSound] = useState(false);
  const announcer = useRef<ReturnType<typeof createAnnouncer> | null>(null);
  if (announcer.current === null) {
    announcer.current = createAnnouncer(boardSpeaker);
    window.__oknoAnnouncements = announcer.current.log;
  }
  const soundRef = useRef(sound);
  soundRef.current = sound;

  const online = useOfficeEvents(office, true, {
    after: () => queryClient.getQueryData<BoardState>(key)?.lastSeq,
    onCall: (call: BoardCall) => {
      const current = queryClient.getQueryData<BoardState>(key);
      if (!current || current.calls.some((c) => c.seq === call.seq)) return;
      queryClient.setQueryData<BoardState>(key, {
        ...current,
        calls: [call, ...current.calls].slice(0, shown + 1),
        lastSeq: call.seq,
      });
      // Only calls made once the sound is on: a board switched on late does not read out a backlog.
      if (soundRef.current) announcer.current?.enqueue(callAnnouncement(call.number, call.window));
    },
    onQueue: (waiting) => {
      const current = queryClient.getQueryData<BoardState>(key);
      if (current) queryClient.setQueryData<BoardState>(key, { ...current, waiting });
    },
  });

  const [now, ...earlier] = state.calls;
  return (
    <div className="board">
      <header className="board-head">
        <h1 className="board-office">{state.office.name}</h1>
        <Clock timeZone={state.office.timeZone} label={t('board.clock')} />
      </header>
      <main className="board-main" id="main">
        <section className="board-now" aria-labelledby="board-now">
          <h2 id="board-now" className="board-caption">
            {t('board.now')}
          </h2>
          {now ? (
            <p key={now.seq} className="board-call board-flash" data-seq={now.seq} aria-live="polite">
              <span className="board-number">{now.number}</span>
              <span className="board-arrow" aria-hidden="true">
                {' → '}
              </span>
              <span className="board-window">{t('board.toWindow', { window: now.window })}</span>
              {now.recall && <span className="board-recall">{t('board.recall')}</span>}
            </p>
          ) : (
            <p className="board-none">{t('board.noCalls')}</p>
          )}
        </section>
        <aside className="board-side">
          <section aria-labelledby="board-waiting">
            <h2 id="board-waiting" className="board-caption">
              {t('board.waiting')}
            </h2>
            <p className="board-waiting" data-waiting={state.waiting}>
              {tn('board.people', state.waiting)}
            </p>
          </section>
          <section aria-labelledby="board-latest">
            <h2 id="board-latest" className="board-caption">
              {t('board.latest')}
            </h2>
            <ol className="board-list">
              {earlier.slice(0, shown - 1).map((call) => (
                <li key={call.seq} data-seq={call.seq}>
                  <span className="board-list-number">{call.number}</span>
                  <span aria-hidden="true"> → </span>
                  <span>{t('board.toWindow', { window: call.window })}</span>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </main>
      <footer className="board-foot">
        {!online && (
          <p className="board-offline" role="status">
            {t('board.offline')}
          </p>
        )}
        {state.message && <p className="board-message">{state.message}</p>}
        {sound ? (
          <p className="board-sound-on">{t('board.soundOn')}</p>
        ) : (
          <button
            type="button"
            className="board-sound"
            title={t('board.soundHint')}
            onClick={() => {
              unlockAudio();
              setSound(true);
            }}
          >
            {t('board.enableSound')}
          </button>
        )}
      </footer>
    </div>
  );
}

/** Inside the click: browsers allow speech and audio on a page once a gesture has started them. */
function unlockAudio(): void {
  try {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.getVoices();
    const audio = new Audio();
    audio.muted = true;
    void audio.play().catch(() => {});
  } catch {
    // nothing to unlock here: the announcements try anyway
  }
}

function Clock({ timeZone, label }: { timeZone: string; label: string }) {
  const [time, setTime] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setTime(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const text = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone }).format(
    time,
  );
  return (
    <p className="board-clock">
      <span className="visually-hidden">{label}: </span>
      <time dateTime={time.toISOString()}>{text}</time>
    </p>
  );
}
