/**
 * Taking a window: an office of the user's scope (as on the staff home: the public list filtered by the
 * grants of the queue's roles; chosen already when there is one), then its windows with their state — a
 * closed window can be opened, a taken one shows who holds it. Live like the console: another operator
 * taking a window shows here at once. A refusal (someone was quicker: WINDOW_TAKEN) is said in words.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { Role } from '../../shared/auth.js';
import { sortedBy } from '../../shared/collation.js';
import type { WindowState } from '../../shared/queue.js';
import { QueryStatus } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { useMe } from '../staff/auth.js';
import { coversOffice } from '../staff/scope.js';
import { queueApi } from './api.js';
import { useQueueLive } from './live.js';
import { useOfficeNames } from './office-data.js';
import { queueQueries } from './queries.js';
import { useQueueAction } from './use-queue-action.js';
import { QueueError } from './words.js';

export const queueRoles: Role[] = ['operator', 'office_head', 'admin'];

/** The offices where the user may run the queue, in the Russian order. */
export function useQueueOffices() {
  const { me } = useMe();
  const list = useQuery(portalQueries.offices({}));
  const grants = me?.grants ?? [];
  const offices = sortedBy(
    (list.data ?? []).filter((o) => coversOffice(grants, o, queueRoles)),
    (o) => o.name,
  );
  return { list, offices };
}

export function WindowPicker({ onOpened }: { onOpened: () => void }) {
  const { t } = useT();
  const id = useId();
  const { list, offices } = useQueueOffices();
  const [chosen, setChosen] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // the console gave way to the picker (its window closed): the button that had the focus is gone
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);
  const office = chosen || (offices.length === 1 ? offices[0].code : '');
  return (
    <section aria-labelledby="op-choose">
      <h1 id="op-choose" ref={heading} tabIndex={-1}>
        {t('operator.title')}
      </h1>
      <h2>{t('operator.choose')}</h2>
      <p className="muted">{t('operator.chooseText')}</p>
      <QueryStatus query={list} />
      {list.data && offices.length === 0 && <p>{t('operator.noOffices')}</p>}
      {offices.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-office`}>{t('operator.office')}</label>
          <select id={`${id}-office`} value={office} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('operator.chooseOffice')}</option>
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {office && <OfficeWindows office={office} onOpened={onOpened} />}
    </section>
  );
}

/** Who may take a window (the server's rule): an operator or office head of the office; an admin only looks. */
const windowRoles: Role[] = ['operator', 'office_head'];

function OfficeWindows({ office, onOpened }: { office: string; onOpened: () => void }) {
  const { t } = useT();
  const { me } = useMe();
  const offices = useQueueOffices().offices;
  const placed = offices.find((o) => o.code === office);
  const canTake = placed !== undefined && coversOffice(me?.grants ?? [], placed, windowRoles);
  const overview = useQuery(queueQueries.overview(office));
  const names = useOfficeNames(office);
  const open = useQueueAction();
  useQueueLive(office);
  const windows = overview.data?.windows ?? [];
  return (
    <section aria-labelledby="op-windows" data-testid="window-picker">
      <h2 id="op-windows">{t('operator.windows')}</h2>
      {!canTake && <p className="notice">{t('operator.viewOnly')}</p>}
      <QueueError error={open.error} testId="open-error" />
      <QueryStatus query={overview} />
      <ul className="op-windows">
        {windows.map((w) => (
          <li key={w.number} className={w.status === 'closed' ? 'op-window' : 'op-window op-window-taken'}>
            <h3 className="op-window-label">{w.label}</h3>
            <p>{windowText(w, t)}</p>
            <p className="muted small">{t('operator.handles', { list: names.handles(w) })}</p>
            {w.status === 'closed' && canTake && (
              <button
                type="button"
                className="button button-primary"
                disabled={open.busy}
                onClick={() => void open.run(() => queueApi.openWindow(office, w.number), onOpened)}
              >
                {t('operator.open', { label: w.label })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function windowText(w: WindowState, t: ReturnType<typeof useT>['t']): string {
  if (w.status === 'closed') return t('operator.windowFree');
  const name = w.operator?.fullName ?? '';
  return w.status === 'paused' ? t('operator.windowPausedBy', { name }) : t('operator.windowTaken', { name });
}
