/**
 * The office head's screens of an office: «Очередь» (the live queue), «Запись» (its bookings) and, for
 * office heads, analysts and admins, «Качество» (the office's ratings follow-ups on /quality; operators never see it).
 */
import { NavLink } from 'react-router';
import { useT } from '../app/i18n/index.js';
import { hasRole, useMe } from '../staff/auth.js';

export function OfficeTabs({ code }: { code: string }) {
  const { t } = useT();
  const { me } = useMe();
  const base = `/office/${encodeURIComponent(code)}`;
  return (
    <nav aria-label={t('bstaff.office.tabs')} className="oq-tabs">
      <NavLink to={base} end>
        {t('bstaff.office.queueTab')}
      </NavLink>
      <NavLink to={`${base}/bookings`} end>
        {t('bstaff.office.bookingsTab')}
      </NavLink>
      {hasRole(me, 'office_head', 'analyst', 'admin') && (
        <NavLink to={`/quality?office=${encodeURIComponent(code)}`} end>
          {t('quality.officeTab')}
        </NavLink>
      )}
    </nav>
  );
}
