/**
 * What the queue's staff screens know of an office besides its queue: its services and the catalog's
 * categories by name (a window handles codes; people read titles), which waiting tickets a window takes
 * (the server's rule: a ticket sent to a window is that window's alone; a window with no services and no
 * categories takes everything), and the office's clock — the server's now, ticking here, so minutes advance
 * between reads and this computer's wrong clock does not shift them.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { sortedBy } from '../../shared/collation.js';
import type { StaffTicket, WindowState } from '../../shared/queue.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';

export type OfficeService = { code: string; title: string; category: string | null };

export function useOfficeNames(office: string) {
  const { t } = useT();
  const detail = useQuery({ ...portalQueries.office(office), enabled: office !== '' });
  const categories = useQuery(portalQueries.categories());
  return useMemo(() => {
    const services: OfficeService[] = sortedBy(detail.data?.services ?? [], (s) => s.title);
    const serviceTitle = new Map(services.map((s) => [s.code, s.title]));
    const serviceCategory = new Map(services.map((s) => [s.code, s.category]));
    const categoryTitle = new Map((categories.data ?? []).map((c) => [c.code, c.title]));
    return {
      services,
      /** What a window handles, in words: its categories, then its services («все услуги» when neither). */
      handles: (window: Pick<WindowState, 'serviceCodes' | 'categoryCodes'>) =>
        window.serviceCodes.length + window.categoryCodes.length === 0
          ? t('queue.allServices')
          : [
              ...window.categoryCodes.map((c) => categoryTitle.get(c) ?? c),
              ...window.serviceCodes.map((s) => serviceTitle.get(s) ?? s),
            ].join(', '),
      /** Whether the window takes this waiting ticket (its category is its service's, from the office's list). */
      takes: (
        window: Pick<WindowState, 'number' | 'serviceCodes' | 'categoryCodes'>,
        ticket: StaffTicket,
      ) => {
        if (ticket.targetWindow !== null) return ticket.targetWindow === window.number;
        if (window.serviceCodes.length === 0 && window.categoryCodes.length === 0) return true;
        const service = ticket.service?.code ?? null;
        if (service !== null && window.serviceCodes.includes(service)) return true;
        const category = service === null ? null : (serviceCategory.get(service) ?? null);
        return category !== null && window.categoryCodes.includes(category);
      },
    };
  }, [detail.data, categories.data, t]);
}

/**
 * The server's clock in milliseconds, ticking here every `everyMs`: `serverNow` is the instant an answer
 * carried (the overview's `now`), `answeredAt` when it arrived here (the query's dataUpdatedAt).
 */
export function useServerClock(serverNow: string | undefined, answeredAt: number, everyMs = 15_000): number {
  const [here, setHere] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setHere(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  // a fresh answer renders at once with its own instant
  const now = Math.max(here, answeredAt);
  if (!serverNow || !answeredAt) return now;
  return now + (Date.parse(serverNow) - answeredAt);
}
