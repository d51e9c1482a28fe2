/**
 * /admin/offices/:code — an office's editor: card, status (close / reopen), windows, weekly hours with the
 * legal-minimum warnings, dated exceptions, services offered, and its change history. An office head (in
 * the scope of the office) edits windows, hours and exceptions; the card, status and services are admins'.
 * /admin/offices/new — the card form alone, then the editor of the new office.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { AdminOffice } from '../../../shared/network.admin.js';
import { Badge, ErrorNotice, Loading, NotFoundPanel } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { hasRole, useMe } from '../../staff/auth.js';
import { AccessDenied } from '../../staff/require-staff.js';
import { adminApi } from '../api.js';
import { HistoryPanel } from '../components/history-panel.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';
import { ExceptionsEditor } from './exceptions-editor.js';
import { HoursEditor } from './hours-editor.js';
import { OfficeCardForm } from './office-card-form.js';
import { OfficeServices } from './office-services.js';
import { WindowsEditor } from './windows-editor.js';

export function NewOfficePage() {
  const { t } = useT();
  useTitle(t('admin.officeNew'));
  const navigate = useNavigate();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/offices">{t('admin.offices')}</Link>
      </p>
      <h1>{t('admin.officeNew')}</h1>
      <OfficeCardForm onSaved={(office) => navigate(`/admin/offices/${office.code}`)} />
    </>
  );
}

export function OfficePage() {
  const { code = '' } = useParams();
  const { t } = useT();
  const { me } = useMe();
  const loaded = useQuery(adminQueries.office(code));
  // every editor below saves through admin/api.ts, which puts the answer in this query's cache
  const office = loaded.data;
  useTitle(office?.name ?? t('admin.offices'));
  const isAdmin = hasRole(me, 'admin');

  if (loaded.error?.status === 404)
    return (
      <NotFoundPanel
        title={t('office.notFound')}
        text={t('office.notFoundText', { code })}
        link={isAdmin ? '/admin/offices' : '/admin'}
        linkText={t('office.toList')}
      />
    );
  if (loaded.error?.status === 403) return <AccessDenied />;
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!office) return <Loading />;

  return (
    <article className="admin-page" key={office.code}>
      {isAdmin && (
        <p className="breadcrumbs">
          <Link to="/admin/offices">{t('admin.offices')}</Link>
        </p>
      )}
      <h1>
        {office.name}{' '}
        <Badge tone={office.status === 'open' ? 'ok' : 'warn'}>
          {t(office.status === 'open' ? 'admin.officeOpen' : 'admin.officeClosed')}
        </Badge>
      </h1>
      <p className="muted">
        {office.address} · <Link to={`/offices/${office.code}`}>{t('admin.onPortal')}</Link>
      </p>
      {isAdmin ? (
        <>
          <OfficeCardForm office={office} />
          <StatusControl office={office} />
        </>
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('office.district')}</dt>
            <dd>{office.district.name}</dd>
          </div>
          <div>
            <dt>{t('office.kind')}</dt>
            <dd>{t(`kind.${office.kind}`)}</dd>
          </div>
        </dl>
      )}
      <WindowsEditor office={office} />
      <HoursEditor office={office} />
      <ExceptionsEditor office={office} />
      {isAdmin && <OfficeServices office={office} />}
      {isAdmin && <HistoryPanel entity="office" objectKey={office.code} />}
    </article>
  );
}

function StatusControl({ office }: { office: AdminOffice }) {
  const { t } = useT();
  const action = useSubmit();
  const closing = office.status === 'open';
  return (
    <section aria-labelledby="office-status-title" className="admin-form">
      <h2 id="office-status-title">{t('admin.status')}</h2>
      <p>{t(closing ? 'admin.officeOpenText' : 'admin.officeClosedText')}</p>
      <SubmitStatus state={action} />
      <button
        type="button"
        className={`button ${closing ? 'button-danger' : ''}`}
        disabled={action.busy}
        onClick={() => {
          if (closing && !window.confirm(t('admin.closeConfirm'))) return;
          action.run(() =>
            closing ? adminApi.closeOffice(office.code) : adminApi.reopenOffice(office.code),
          );
        }}
      >
        {t(closing ? 'admin.closeOffice' : 'admin.reopenOffice')}
      </button>
    </section>
  );
}
