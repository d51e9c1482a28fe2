/**
 * The office's queue now, on the portal: people waiting, windows open, the predicted wait and its band
 * (under 10 / 10–20 / 20–30 / over 30 minutes, by colour and in words). `LoadFacts` on an office's page,
 * `LoadLine` in lists (the offices, a service's offices), `useLoads` reads many offices in one request.
 */
import { useQuery } from '@tanstack/react-query';
import type { OfficeLoad, WaitBand } from '../../shared/queue.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from './queries.js';

export function useBandText() {
  const { t, tn } = useT();
  return (load: OfficeLoad) =>
    load.band === null || load.estimatedWaitMinutes === null
      ? t('load.noWindows')
      : `${tn('load.minutes', load.estimatedWaitMinutes)} (${t(`load.band.${load.band}`)})`;
}

export function BandBadge({ band, children }: { band: WaitBand | null; children: string }) {
  return (
    <span className={`badge load-band load-band-${band ?? 'none'}`} data-band={band ?? 'none'}>
      {children}
    </span>
  );
}

/** The load of these offices (one request), by office code; empty while it loads or when it fails. */
export function useLoads(params: { offices?: string[]; service?: string }, enabled = true) {
  const joined = params.offices?.length ? [...params.offices].sort().join(',') : undefined;
  // The whole network's list is longer than a query string should be: all open offices then (the default).
  const offices = joined && joined.length <= 3900 ? joined : undefined;
  const query = useQuery({
    ...portalQueries.queueLoad({ offices, service: params.service }),
    enabled: enabled && (joined !== undefined || params.service !== undefined),
  });
  return new Map((query.data ?? []).map((l) => [l.office, l]));
}

/** One line for a list: waiting, windows open and the wait's band. */
export function LoadLine({ load }: { load: OfficeLoad | undefined }) {
  const { t, number } = useT();
  const bandText = useBandText();
  if (!load) return null;
  return (
    <p className="load-line small" data-office-load={load.office}>
      {t('load.waiting')}: {number(load.waiting)} · {t('load.windowsOpen')}: {number(load.openWindows)} ·{' '}
      {t('load.wait')}: <BandBadge band={load.band}>{bandText(load)}</BandBadge>
    </p>
  );
}

/** The office page's section «Очередь сейчас». */
export function LoadFacts({ office }: { office: string }) {
  const { t, number } = useT();
  const bandText = useBandText();
  const load = useQuery(portalQueries.officeLoad(office));
  if (!load.data) return null;
  return (
    <section aria-labelledby="office-load" className="office-load" data-office-load={office}>
      <h2 id="office-load">{t('load.title')}</h2>
      <dl className="load-facts">
        <div>
          <dt>{t('load.waiting')}</dt>
          <dd className="load-waiting">{number(load.data.waiting)}</dd>
        </div>
        <div>
          <dt>{t('load.windowsOpen')}</dt>
          <dd className="load-windows">{number(load.data.openWindows)}</dd>
        </div>
        <div>
          <dt>{t('load.wait')}</dt>
          <dd>
            <BandBadge band={load.data.band}>{bandText(load.data)}</BandBadge>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** Offices near this one (`candidates`: the same district) where the predicted wait is shorter by a band. */
export function shorterWaits(load: OfficeLoad | undefined, candidates: OfficeLoad[]): OfficeLoad[] {
  if (!load || load.estimatedWaitMinutes === null) return [];
  const mine = load.estimatedWaitMinutes;
  return candidates
    .filter(
      (c) =>
        c.office !== load.office &&
        c.estimatedWaitMinutes !== null &&
        c.band !== load.band &&
        c.estimatedWaitMinutes < mine,
    )
    .sort((a, b) => (a.estimatedWaitMinutes ?? 0) - (b.estimatedWaitMinutes ?? 0));
}
