/**
 * /situation — the situational center (issue 12): every office of the user's scope live. On top the
 * alerts (an office whose wait passed the target, a window closed in hours, a kiosk offline), then the map
 * (situation-map.tsx) beside the selected office's figures, then the list (situation-table.tsx). Live: the
 * server's stream marks the read stale on every change of a queue (at most once a second), and it is read
 * every 30 s anyway (situation-data.ts). The list's order and filters, and the selected office, are in the
 * address. Times are the offices' own (their time zone).
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Situation, SituationOffice } from '../../shared/analytics.js';
import { QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { hasRole, useMe } from '../staff/auth.js';
import { situationQuery, useSituationLive } from './situation-data.js';
import { SituationMap } from './situation-map.js';
import { type ListFilter, SituationTable } from './situation-table.js';
import { type SortKey, sortKeys, sortOffices } from './situation-view.js';
import { alertText, minutesText, visitsText, zonedClock } from './situation-words.js';

export function SituationPage() {
  const translator = useT();
  const { t } = translator;
  useTitle(t('situation.title'));
  const query = useQuery(situationQuery());
  const online = useSituationLive();
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') as SortKey | null;
  const filter: ListFilter = {
    sort: sortParam && sortKeys.includes(sortParam) ? sortParam : 'alerts',
    word: params.get('q') ?? '',
    onlyAlerts: params.get('alerts') === '1',
  };
  const selected = params.get('office');
  const change = (next: Record<string, string | null>) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        for (const [k, v] of Object.entries(next)) {
          if (v === null || v === '') copy.delete(k);
          else copy.set(k, v);
        }
        return copy;
      },
      { replace: true, preventScrollReset: true },
    );
  const onFilter = (c: Partial<ListFilter>) =>
    change({
      ...(c.sort !== undefined ? { sort: c.sort === 'alerts' ? null : c.sort } : {}),
      ...(c.word !== undefined ? { q: c.word } : {}),
      ...(c.onlyAlerts !== undefined ? { alerts: c.onlyAlerts ? '1' : null } : {}),
    });
  const onSelect = (code: string) => change({ office: code === selected ? null : code });
  const data = query.data;
  if (!data)
    return (
      <>
        <h1>{t('situation.title')}</h1>
        {query.error?.status === 403 ? (
          <p className="notice notice-error" role="alert">
            {t('situation.forbidden')}
          </p>
        ) : (
          <QueryStatus query={query} />
        )}
      </>
    );
  const clock = zonedClock(translator.locale, data.offices[0]?.timeZone);
  const alerting = data.offices.filter((o) => o.alerts.length > 0);
  const chosen = data.offices.find((o) => o.code === selected) ?? null;
  return (
    <div className="situation" data-testid="situation">
      <h1>{t('situation.title')}</h1>
      <p className="situation-status small">
        <span data-testid="situation-at">{t('situation.asOf', { time: clock(data.at) })}</span>
        <span className={online ? 'situation-live' : 'situation-offline'} data-testid="situation-live">
          {online ? t('situation.live') : t('situation.offline')}
        </span>
      </p>
      <p className="lead" data-testid="situation-summary">
        {t('situation.summary', {
          offices: translator.number(data.offices.length),
          open: translator.number(data.offices.filter((o) => o.open).length),
          waiting: translator.number(data.offices.reduce((n, o) => n + o.waiting, 0)),
          alerting: translator.number(alerting.length),
        })}{' '}
        {t('situation.targetNote', { target: data.targetWaitMinutes })}
      </p>
      <AlertsPanel situation={data} onSelect={onSelect} />
      <div className="situation-layout">
        <SituationMap situation={data} selected={selected} onSelect={onSelect} />
        {chosen && <OfficeDetail office={chosen} situation={data} onClear={() => onSelect(chosen.code)} />}
      </div>
      <SituationTable
        situation={data}
        filter={filter}
        onFilter={onFilter}
        selected={selected}
        onSelect={onSelect}
      />
    </div>
  );
}

function AlertsPanel({ situation, onSelect }: { situation: Situation; onSelect: (code: string) => void }) {
  const translator = useT();
  const { t, tn } = translator;
  const alerting = sortOffices(
    situation.offices.filter((o) => o.alerts.length > 0),
    'alerts',
  );
  return (
    <section
      aria-labelledby="situation-alerts-title"
      className={`situation-alerts${alerting.length === 0 ? ' is-calm' : ''}`}
      data-testid="situation-alerts"
    >
      <h2 id="situation-alerts-title">
        {t('situation.alerts')}
        {alerting.length > 0 && ` · ${alerting.length}`}
      </h2>
      {alerting.length === 0 ? (
        <p>{t('situation.noAlerts')}</p>
      ) : (
        <ul>
          {alerting.map((o) => (
            <li key={o.code} data-office={o.code} className="situation-alert-item">
              <span aria-hidden="true" className="situation-alert-icon">
                !
              </span>{' '}
              <button type="button" className="link-button" onClick={() => onSelect(o.code)}>
                <strong>{o.name}</strong>
              </button>{' '}
              <span className="muted small">
                ({o.district}, {tn('situation.alertCount', o.alerts.length)})
              </span>
              <ul className="situation-alert-list">
                {o.alerts.map((a) => (
                  <li key={`${a.kind}-${a.window ?? ''}-${a.kiosk ?? ''}`}>
                    {alertText(translator, a, situation.targetWaitMinutes)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OfficeDetail(props: { office: SituationOffice; situation: Situation; onClear: () => void }) {
  const translator = useT();
  const { t } = translator;
  const { me } = useMe();
  const o = props.office;
  return (
    <section
      aria-labelledby="situation-detail-title"
      className="situation-detail"
      data-testid="situation-detail"
    >
      <p className="muted small">{t('situation.selected')}</p>
      <h2 id="situation-detail-title">{o.name}</h2>
      <p className="muted">
        {o.district} · {o.open ? t('situation.open') : t('situation.closed')}
      </p>
      <dl>
        <dt>{t('situation.col.waiting')}</dt>
        <dd>{translator.number(o.waiting)}</dd>
        <dt>{t('situation.col.longest')}</dt>
        <dd>{minutesText(translator, o.longestWaitMinutes)}</dd>
        <dt>{t('situation.col.predicted')}</dt>
        <dd>{minutesText(translator, o.predictedWaitMinutes)}</dd>
        <dt>{t('situation.col.windows')}</dt>
        <dd>{t('situation.windows', { open: o.windowsOpen, total: o.windowsTotal })}</dd>
        <dt>{t('situation.col.visits')}</dt>
        <dd>{visitsText(translator, o)}</dd>
      </dl>
      {o.alerts.length > 0 && (
        <ul className="situation-alert-list">
          {o.alerts.map((a) => (
            <li key={`${a.kind}-${a.window ?? ''}-${a.kiosk ?? ''}`}>
              <span aria-hidden="true" className="situation-alert-icon">
                !
              </span>{' '}
              {alertText(translator, a, props.situation.targetWaitMinutes)}
            </li>
          ))}
        </ul>
      )}
      <p>
        {hasRole(me, 'office_head', 'admin') && (
          <>
            <Link to={`/office/${encodeURIComponent(o.code)}`}>{t('situation.toOffice')}</Link>{' '}
          </>
        )}
        <button type="button" className="link-button" onClick={props.onClear}>
          {t('situation.clearSelection')}
        </button>
      </p>
    </section>
  );
}
