/**
 * What both tabs of /quality share: who may open them and who may close a follow-up (the server's policies
 * decide; these only choose what to show), the tabs, and the offices of the user's scope with their names
 * and time zones (from the public list the app already reads).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import type { Role } from '../../shared/auth.js';
import { sortedBy } from '../../shared/collation.js';
import type { OfficeSummary } from '../../shared/network.js';
import { useT } from '../app/i18n/index.js';
import { portalQueries } from '../portal/queries.js';
import { useMe } from '../staff/auth.js';
import { coversOffice, officesInScope } from '../staff/scope.js';

/** Who opens /quality: office heads (their offices), analysts (the region, read only) and admins. Never operators. */
export const qualityRoles: Role[] = ['office_head', 'analyst', 'admin'];
/** Who records a follow-up's outcome. */
export const closeRoles: Role[] = ['office_head', 'admin'];

/** «Обращения на контроле» and «Оценки»; the office chosen on one is kept on the other. */
export function QualityTabs() {
  const { t } = useT();
  const [params] = useSearchParams();
  const office = params.get('office');
  const suffix = office ? `?office=${encodeURIComponent(office)}` : '';
  return (
    <nav aria-label={t('quality.tabs')} className="quality-tabs">
      <NavLink to={`/quality${suffix}`} end>
        {t('quality.tab.followUps')}
      </NavLink>
      <NavLink to={`/quality/ratings${suffix}`} end>
        {t('quality.tab.ratings')}
      </NavLink>
    </nav>
  );
}

export type OfficeIndex = {
  /** The offices of the user's scope, in the Russian order. */
  scoped: OfficeSummary[];
  byCode: Map<string, OfficeSummary>;
  /** Whether the user may record the outcome of a follow-up of this office. */
  canClose: (office: string) => boolean;
};

export function useOfficeIndex(): OfficeIndex {
  const { me } = useMe();
  const offices = useQuery(portalQueries.offices({}));
  return useMemo(() => {
    const all = offices.data ?? [];
    const grants = me?.grants ?? [];
    const byCode = new Map(all.map((o) => [o.code, o]));
    return {
      scoped: sortedBy(officesInScope(grants, all), (o) => o.name),
      byCode,
      canClose: (code: string) => {
        const office = byCode.get(code);
        return office !== undefined && coversOffice(grants, office, closeRoles);
      },
    };
  }, [me, offices.data]);
}
