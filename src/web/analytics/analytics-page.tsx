/**
 * /analytics: the figures of the network for the analyst (the whole region) and the office head (their
 * offices; the API narrows every answer to the user's scope, and the office filter lists only theirs).
 * The filters live in the address — the API's own names (`from`, `to`, `district`, `office`, `service`) and
 * `place` for the table by district or office — so a view can be shared and reloaded. The page is a chunk of
 * its own (routes.tsx), the charts' code another (echart.tsx).
 */
import './analytics.css';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { sortedBy } from '../../shared/collation.js';
import { QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import type { AnalyticsParams } from '../app/query-keys.js';
import { caseListQueries } from '../cases/cases-lists-queries.js';
import { portalQueries } from '../portal/queries.js';
import { useMe } from '../staff/auth.js';
import { RequireStaff } from '../staff/require-staff.js';
import { coversOffice } from '../staff/scope.js';
import {
  CasesSection,
  ChannelsSection,
  MonthsSection,
  PlacesSection,
  SatisfactionSection,
  TopServicesSection,
} from './analytics-charts.js';
import {
  filterFields,
  filterOf,
  type PlaceKind,
  placeOf,
  searchOf,
  todayIn,
  type ViewFilter,
} from './analytics-filters.js';
import { AnalyticsFiltersForm } from './analytics-filters-form.js';
import { useAnalyticsFormat } from './analytics-format.js';
import { analyticsQueries } from './analytics-queries.js';
import { analyticsRoles } from './analytics-roles.js';
import { FigureCards } from './figure-cards.js';
import { KpiPanel } from './kpi-panel.js';

/** Where the region's «today» is when no office has told its zone yet (the demo region's). */
const fallbackZone = 'Europe/Moscow';

export function AnalyticsPage() {
  const { t } = useT();
  const f = useAnalyticsFormat();
  useTitle(t('an.title'));
  const { me } = useMe();
  const [search, setSearch] = useSearchParams();
  const filter = filterOf(search);
  const filterKey = filterFields.map((k) => filter[k] ?? '').join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter's values
  const params: AnalyticsParams = useMemo(() => ({ ...filter }), [filterKey]);

  const grants = useMemo(() => (me?.grants ?? []).filter((g) => analyticsRoles.includes(g.role)), [me]);
  const wholeRegion = grants.some((g) => g.scope.kind === 'region');
  const place = placeOf(search, wholeRegion ? 'district' : 'office');

  const districts = useQuery(portalQueries.districts());
  const offices = useQuery(portalQueries.offices({}));
  const services = useQuery(caseListQueries.services());
  const ownOffices = useMemo(
    () =>
      sortedBy(
        (offices.data ?? []).filter((o) => coversOffice(grants, o)),
        (o) => o.name,
      ),
    [offices.data, grants],
  );
  // a district is asked for only by a grant that covers it whole (the API refuses it otherwise, 403): an
  // office head of some offices filters by office alone
  const districtChoices = useMemo(() => {
    const granted = new Set(grants.flatMap((g) => (g.scope.kind === 'district' ? [g.scope.district] : [])));
    return sortedBy(
      (districts.data ?? []).filter((d) => wholeRegion || granted.has(d.code)),
      (d) => d.name,
    ).map((d) => ({ value: d.code, label: d.name }));
  }, [districts.data, grants, wholeRegion]);
  const serviceChoices = useMemo(
    () => sortedBy(services.data ?? [], (s) => s.title).map((s) => ({ value: s.code, label: s.title })),
    [services.data],
  );
  const today = todayIn(offices.data?.[0]?.timeZone ?? fallbackZone);

  const summary = useQuery(analyticsQueries.summary(params));
  const s = summary.data;

  const apply = (next: ViewFilter) => setSearch(searchOf(next, search), { preventScrollReset: true });
  const setPlace = (next: PlaceKind) => {
    const merged = new URLSearchParams(search);
    merged.set('place', next);
    setSearch(merged, { preventScrollReset: true, replace: true });
  };

  return (
    <>
      <h1>{t('an.title')}</h1>
      <AnalyticsFiltersForm
        key={filterKey}
        filter={filter}
        shownPeriod={s ? { from: s.from, to: s.to } : null}
        districts={districtChoices}
        offices={ownOffices}
        services={serviceChoices}
        ownOfficesOnly={!wholeRegion}
        today={today}
        onApply={apply}
      />
      <p className="an-period" aria-live="polite" data-testid="an-period">
        {s ? t('an.period', { period: f.period(s.from, s.to) }) : null}
        {!wholeRegion && <span className="muted"> {t('an.scopeOffices')}</span>}
      </p>
      <QueryStatus query={summary} />
      {s && (
        <div className={summary.isPlaceholderData ? 'an-body an-stale' : 'an-body'} data-testid="an-body">
          <KpiPanel kpis={s.kpis} />
          <FigureCards s={s} />
          <MonthsSection params={params} />
          <ChannelsSection params={params} />
          <TopServicesSection params={params} />
          <PlacesSection params={params} place={place} onPlace={setPlace} />
          <CasesSection params={params} />
          <SatisfactionSection params={params} summary={s} query={summary} />
        </div>
      )}
    </>
  );
}

/** The page behind its roles' guard: the route's lazy component. */
export function GuardedAnalyticsPage() {
  return (
    <RequireStaff roles={analyticsRoles}>
      <AnalyticsPage />
    </RequireStaff>
  );
}
