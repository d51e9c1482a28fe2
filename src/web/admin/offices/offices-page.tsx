/** /admin/offices: every office, closed ones included, filtered by district and kind (admins). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { officeKindSchema } from '../../../shared/network.js';
import { Badge, SelectField } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { ListPage } from '../components/list-page.js';
import { adminQueries } from '../queries.js';

export const officeKinds = officeKindSchema.options;

export function OfficesPage() {
  const { t, tn } = useT();
  useTitle(t('admin.offices'));
  const [district, setDistrict] = useState('');
  const [kind, setKind] = useState('');
  const districts = useQuery(adminQueries.districts());
  const offices = useQuery(
    adminQueries.offices({ district: district || undefined, kind: officeKindSchema.safeParse(kind).data }),
  );
  return (
    <ListPage
      title={t('admin.offices')}
      newAction={
        <Link to="/admin/offices/new" className="button button-primary">
          {t('admin.officeNew')}
        </Link>
      }
      filters={
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
      }
      query={offices}
      rows={offices.data}
      rowKey={(o) => o.code}
      rowClass={(o) => (o.status === 'closed' ? 'row-closed' : undefined)}
      count={offices.data && tn('common.offices', offices.data.length)}
      columns={[
        {
          header: t('admin.name'),
          cell: (office) => (
            <>
              <Link to={`/admin/offices/${office.code}`}>{office.name}</Link>
              <span className="small muted block">{office.address}</span>
            </>
          ),
        },
        { header: t('offices.district'), cell: (o) => o.district.name },
        { header: t('offices.kind'), cell: (o) => t(`kind.${o.kind}`) },
        { header: t('office.windows'), cell: (o) => o.windowCount },
        {
          header: t('admin.status'),
          cell: (o) => (
            <Badge tone={o.status === 'open' ? 'ok' : 'warn'}>
              {t(o.status === 'open' ? 'admin.officeOpen' : 'admin.officeClosed')}
            </Badge>
          ),
        },
      ]}
    />
  );
}
