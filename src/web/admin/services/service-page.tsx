/**
 * /admin/services/:code — the service editor: every field of the card, «Сохранить черновик» (a published
 * service edited becomes a new draft; the portal keeps the published version), «Опубликовать» (refused
 * with the list of what is missing), «Удалить черновик», the versions, the offices and the history.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { AdminService } from '../../../shared/catalog.admin.js';
import { Badge, ErrorNotice, Loading, NotFoundPanel } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { AccessDenied } from '../../staff/require-staff.js';
import { adminApi } from '../api.js';
import { ErrorSummary } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { adminQueries } from '../queries.js';
import { ServiceBasics } from './service-basics.js';
import { draftOf, type ServiceDraft, serviceFormSchema } from './service-draft.js';
import { DocumentsEditor, StagesEditor, TextListEditor } from './service-lists.js';
import { ServiceOfficesPanel, VersionsPanel } from './service-side.js';

export function ServiceStatus({ service }: { service: AdminService }) {
  const { t } = useT();
  return (
    <p className="service-status" data-testid="service-status">
      {service.publishedVersion !== null ? (
        <Badge tone="ok">{t('admin.publishedV', { v: service.publishedVersion })}</Badge>
      ) : (
        <Badge tone="neutral">{t('admin.neverPublished')}</Badge>
      )}
      {service.draftVersion !== null && (
        <Badge tone="warn">{t('admin.draftV', { v: service.draftVersion })}</Badge>
      )}
    </p>
  );
}

export function ServicePage() {
  const { code = '' } = useParams();
  const { t } = useT();
  const loaded = useQuery(adminQueries.service(code));
  const service = loaded.data;
  useTitle(service?.title ?? t('admin.services'));
  if (loaded.error?.status === 404)
    return (
      <NotFoundPanel
        title={t('service.notFound')}
        text={t('service.notFoundText', { code })}
        link="/admin/services"
        linkText={t('admin.toServices')}
      />
    );
  if (loaded.error?.status === 403) return <AccessDenied />;
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!service) return <Loading />;
  return <ServiceEditor key={service.code} service={service} />;
}

/** The card's draft starts from the cached service; a save, publish or discard puts the answer in the cache. */
function ServiceEditor({ service }: { service: AdminService }) {
  const { t } = useT();
  // the list editors edit the draft as a whole: they read it (watch) and set parts of it (setValue)
  const form = useZodForm(serviceFormSchema, { defaultValues: draftOf(service) });
  const draft = form.watch();
  const dirty = form.formState.isDirty;
  const save = form.state;
  const publish = useSubmit();
  const discard = useSubmit();
  /** The answer (already cached) becomes the new starting point of the draft. */
  const accept = (next: AdminService) => form.reset(draftOf(next));
  const set = (patch: Partial<ServiceDraft>) => {
    for (const [key, value] of Object.entries(patch))
      form.setValue(key as keyof ServiceDraft, value as never, { shouldDirty: true });
  };
  const submit = form.submit(
    (body) => adminApi.saveService(service.code, body),
    accept,
    t('admin.draftSaved'),
  );
  const missing =
    publish.error?.code === 'NOT_PUBLISHABLE' && Array.isArray(publish.error.details)
      ? (publish.error.details as { field: string }[]).map((d) => d.field)
      : [];
  const f = { errors: form.errors };

  return (
    <article className="admin-page">
      <p className="breadcrumbs">
        <Link to="/admin/services">{t('admin.services')}</Link>
      </p>
      <h1>{service.title}</h1>
      <ServiceStatus service={service} />
      <p className="muted">
        {t('admin.code')}: <code>{service.code}</code>
        {service.publishedVersion !== null && (
          <>
            {' · '}
            <Link to={`/services/${service.code}`}>{t('admin.onPortal')}</Link>
          </>
        )}
      </p>
      {service.draftVersion !== null && service.missing.length > 0 && (
        <p className="notice notice-warn">
          {t('admin.stillMissing', { list: service.missing.map((m) => t(`admin.missing.${m}`)).join(', ') })}
        </p>
      )}
      <form
        onSubmit={submit}
        noValidate
        className="admin-form service-form"
        aria-label={t('admin.serviceCard')}
      >
        <ErrorSummary form="service" errors={form.errors} />
        <ServiceBasics draft={draft} set={set} {...f} />
        <DocumentsEditor items={draft.documents} onChange={(documents) => set({ documents })} {...f} />
        <TextListEditor
          name="results"
          title={t('service.results')}
          itemName={t('admin.result')}
          items={draft.results}
          onChange={(results) => set({ results })}
          {...f}
        />
        <TextListEditor
          name="refusalReasons"
          title={t('service.refusals')}
          itemName={t('admin.refusal')}
          items={draft.refusalReasons}
          onChange={(refusalReasons) => set({ refusalReasons })}
          {...f}
        />
        <StagesEditor items={draft.stages} onChange={(stages) => set({ stages })} {...f} />
        <TextListEditor
          name="aliases"
          title={t('admin.aliases')}
          itemName={t('admin.alias')}
          items={draft.aliases}
          onChange={(aliases) => set({ aliases })}
          {...f}
        />
        <div className="form-actions sticky-actions">
          <SubmitStatus state={save} testId="save-status" />
          {dirty && !save.done && <p className="small muted">{t('admin.unsaved')}</p>}
          <button type="submit" className="button button-primary" disabled={save.busy}>
            {t('admin.saveDraft')}
          </button>
        </div>
      </form>
      <section aria-labelledby="publish-title" className="admin-form">
        <h2 id="publish-title">{t('admin.publishing')}</h2>
        <p>{t(service.draftVersion !== null ? 'admin.publishText' : 'admin.noDraftText')}</p>
        {missing.length > 0 && (
          <div className="notice notice-error" role="alert" data-testid="publish-missing">
            <p>{t('admin.publishRefused')}</p>
            <ul>
              {missing.map((m) => (
                <li key={m}>
                  {(['agency', 'term', 'documents', 'stages'] as const).includes(m as 'agency')
                    ? t(`admin.missing.${m as 'agency'}`)
                    : m}
                </li>
              ))}
            </ul>
          </div>
        )}
        {missing.length === 0 && <SubmitStatus state={publish} testId="publish-status" />}
        <SubmitStatus state={discard} />
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={publish.busy || service.draftVersion === null || dirty}
            onClick={() =>
              publish.run(() => adminApi.publishService(service.code), accept, t('admin.published'))
            }
          >
            {t('admin.publish')}
          </button>
          {service.draftVersion !== null && service.publishedVersion !== null && (
            <button
              type="button"
              className="button button-danger"
              disabled={discard.busy}
              onClick={() => {
                if (window.confirm(t('admin.discardConfirm')))
                  discard.run(() => adminApi.discardDraft(service.code), accept, t('admin.discarded'));
              }}
            >
              {t('admin.discardDraft')}
            </button>
          )}
        </div>
        {dirty && service.draftVersion !== null && (
          <p className="small muted">{t('admin.saveBeforePublish')}</p>
        )}
      </section>
      <VersionsPanel code={service.code} />
      <ServiceOfficesPanel code={service.code} />
      <HistoryPanel entity="service" objectKey={service.code} />
    </article>
  );
}
