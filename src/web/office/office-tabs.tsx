/** The office head's two screens of an office: «Очередь» (the live queue) and «Запись» (its bookings). */
import { NavLink } from 'react-router';
import { useT } from '../app/i18n/index.js';

export function OfficeTabs({ code }: { code: string }) {
  const { t } = useT();
  const base = `/office/${encodeURIComponent(code)}`;
  return (
    <nav aria-label={t('bstaff.office.tabs')} className="oq-tabs">
      <NavLink to={base} end>
        {t('bstaff.office.queueTab')}
      </NavLink>
      <NavLink to={`${base}/bookings`} end>
        {t('bstaff.office.bookingsTab')}
      </NavLink>
    </nav>
  );
}
