/** /admin/offices: every office, closed ones included, filtered by district and kind (admins). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OfficeKind } from '../../../shared/network.js';
import { Badge, QueryStatus, SelectField } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminQueries } from '../queries.js';

export const officeKinds: OfficeKind[] = ['main', 'remote', 'kiosk'];

export function OfficesPage() {
  const { t, tn } = useT();
  useTitle(t('admin.offices'));
  const [district, setDistrict] = useState('');
  const [kind, setKind] = useState('');
  const districts = useQuery(adminQueries.districts());
  const offices = useQuery(
    adminQueries.offices({ district: district || undefined, kind: (kind || undefined) as OfficeKind }),
  );
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.offices')}</h1>
        <Link to="/admin/offices/new" className="button button-primary">
          {t('admin.officeNew')}
        </Link>
      </div>
      <div className="filters-row">
        <SelectField
          label={t('offices.district')}
          value={district}
          onChange={setDistrict}
          options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
        <SelectField
          label={t('offices.kind')}
          value={kind}
          onChange={setKind}
          options={officeKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </div>
      <QueryStatus query={offices} />
      {offices.data && (
        <>
          <p className="result-count" aria-live="polite">
            {tn('common.offices', offices.data.length)}
          </p>
          <div className="table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('offices.district')}</th>
                  <th scope="col">{t('offices.kind')}</th>
                  <th scope="col">{t('office.windows')}</th>
                  <th scope="col">{t('admin.status')}</th>
                </tr>
              </thead>
              <tbody>
                {offices.data.map((office) => (
                  <tr key={office.code} className={office.status === 'closed' ? 'row-closed' : undefined}>
                    <th scope="row">
                      <Link to={`/admin/offices/${office.code}`}>{office.name}</Link>
                      <span className="small muted block">{office.address}</span>
                    </th>
                    <td>{office.district.name}</td>
                    <td>{t(`kind.${office.kind}`)}</td>
                    <td>{office.windowCount}</td>
                    <td>
                      <Badge tone={office.status === 'open' ? 'ok' : 'warn'}>
                        {t(office.status === 'open' ? 'admin.officeOpen' : 'admin.officeClosed')}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
