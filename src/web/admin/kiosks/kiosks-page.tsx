/**
 * /admin/kiosks: the enrolled kiosks of an office (chosen among the offices the admin manages, kept in the
 * query string). «Подключить инфомат» asks for a name and shows the one-time code once, large, with the
 * kiosk's address; «Новый код» replaces a kiosk's token (it stops until the code is typed on it);
 * «Отключить» revokes it for good, after a confirmation.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { sortedBy } from '../../../shared/collation.js';
import { type Kiosk, kioskCreateSchema } from '../../../shared/queue.js';
import { Badge, SelectField } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { useMe } from '../../staff/auth.js';
import { coversOffice } from '../../staff/scope.js';
import { adminApi, type KioskEnrollment } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { FormPanel, ListPage } from '../components/list-page.js';
import { useFocusOnMount } from '../components/use-focus.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { adminQueries } from '../queries.js';

const tones = { pending: 'warn', enrolled: 'ok', revoked: 'neutral' } as const;

export function KiosksPage() {
  const { t, locale } = useT();
  useTitle(t('kiosks.title'));
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const office = params.get('office') ?? '';
  const offices = useQuery(adminQueries.offices({}));
  const mine = useMemo(
    () =>
      sortedBy(
        (offices.data ?? []).filter((o) => coversOffice(me?.grants ?? [], o, ['admin'])),
        (o) => o.name,
      ),
    [offices.data, me],
  );
  const list = useQuery({ ...adminQueries.kiosks(office), enabled: office !== '' });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<KioskEnrollment | null>(null);
  const action = useSubmit();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const at = (iso: string | null) =>
    iso === null ? t('kiosks.never') : <time dateTime={iso}>{when.format(new Date(iso))}</time>;

  const choose = (value: string) => {
    setCreating(false);
    setShown(null);
    action.clear();
    setParams(value ? { office: value } : {}, { preventScrollReset: true });
  };
  const newCode = (k: Kiosk) => {
    if (!window.confirm(t('kiosks.newCodeConfirm', { label: k.label }))) return;
    setShown(null);
    void action.run(() => adminApi.newKioskCode(k.id), setShown);
  };
  const revoke = (k: Kiosk) => {
    if (!window.confirm(t('kiosks.revokeConfirm', { label: k.label }))) return;
    setShown(null);
    void action.run(() => adminApi.revokeKiosk(k.id), undefined, t('kiosks.revoked'));
  };

  return (
    <ListPage
      title={t('kiosks.title')}
      newAction={
        office !== '' && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setShown(null);
              setCreating(true);
            }}
          >
            {t('kiosks.new')}
          </button>
        )
      }
      filters={
        <>
          <form
            aria-label={t('kiosks.chooseOffice')}
            className="filters-row"
            onSubmit={(e) => e.preventDefault()}
          >
            <SelectField
              label={t('kiosks.office')}
              value={office}
              onChange={choose}
              allLabel={t('kiosks.chooseOffice')}
              options={mine.map((o) => ({ value: o.code, label: o.name }))}
            />
          </form>
          {office === '' && <p className="muted">{t('kiosks.pickOffice')}</p>}
          <SubmitStatus state={action} testId="kiosk-action" />
        </>
      }
      query={office === '' ? { isPending: false, error: null, refetch: () => undefined } : list}
      rows={office === '' ? undefined : list.data}
      rowKey={(k) => k.id}
      testId="kiosks"
      empty={t('kiosks.empty')}
      columns={[
        { header: t('kiosks.label'), cell: (k) => k.label },
        {
          header: t('kiosks.status'),
          cell: (k) => <Badge tone={tones[k.status]}>{t(`kiosks.status.${k.status}`)}</Badge>,
        },
        { header: t('kiosks.enrolledAt'), cell: (k) => at(k.enrolledAt) },
        { header: t('kiosks.lastSeen'), cell: (k) => at(k.lastSeenAt) },
        { header: t('kiosks.codeExpires'), cell: (k) => at(k.codeExpiresAt) },
        {
          header: t('admin.actions'),
          cell: (k) =>
            k.status !== 'revoked' && (
              <span className="form-actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('kiosks.newCodeFor', { label: k.label })}
                  disabled={action.busy}
                  onClick={() => newCode(k)}
                >
                  {t('kiosks.newCode')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('kiosks.revokeFor', { label: k.label })}
                  disabled={action.busy}
                  onClick={() => revoke(k)}
                >
                  {t('kiosks.revoke')}
                </button>
              </span>
            ),
        },
      ]}
    >
      {shown && <EnrollmentCode enrollment={shown} onClose={() => setShown(null)} />}
      {creating && office !== '' && !shown && (
        <NewKioskForm
          key={office}
          office={office}
          onCreated={(created) => {
            setCreating(false);
            setShown(created);
          }}
        />
      )}
      {shown && <HistoryPanel entity="kiosk" objectKey={shown.kiosk.id} />}
    </ListPage>
  );
}

function NewKioskForm({ office, onCreated }: { office: string; onCreated: (e: KioskEnrollment) => void }) {
  const { t } = useT();
  const form = useZodForm(kioskCreateSchema, { defaultValues: { office, label: '' } });
  const labels: Record<string, string> = { label: t('kiosks.label'), office: t('kiosks.office') };
  const submit = form.submit((body) => adminApi.createKiosk(body), onCreated);
  return (
    <FormPanel id="kiosk-form" title={t('kiosks.new')}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary form="kiosk" errors={form.errors} label={(p) => labels[p] ?? p} />
        <TextField
          form="kiosk"
          errors={form.errors}
          path="label"
          label={labels.label}
          hint={t('kiosks.labelHint')}
          field={form.register('label')}
          required
        />
        <SubmitStatus state={form.state} />
        <button type="submit" className="button button-primary" disabled={form.state.busy}>
          {t('admin.create')}
        </button>
      </form>
    </FormPanel>
  );
}

/** The one-time code, shown once: large, spaced for reading aloud, with the kiosk's address. */
function EnrollmentCode({ enrollment, onClose }: { enrollment: KioskEnrollment; onClose: () => void }) {
  const { t, locale } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { kiosk, code } = enrollment;
  const url = `${window.location.origin}/kiosk/${encodeURIComponent(kiosk.officeCode)}`;
  const until = kiosk.codeExpiresAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
        new Date(kiosk.codeExpiresAt),
      )
    : '';
  return (
    <section className="admin-form kiosk-code" aria-labelledby="kiosk-code-title" data-testid="kiosk-code">
      <h2 id="kiosk-code-title" ref={heading} tabIndex={-1}>
        {t('kiosks.codeTitle', { label: kiosk.label })}
      </h2>
      <p className="kiosk-code-value" data-testid="kiosk-code-value">
        {code.slice(0, 4)} {code.slice(4)}
      </p>
      <p>{t('kiosks.codeText', { url, until })}</p>
      <button type="button" className="button" onClick={onClose}>
        {t('kiosks.codeClose')}
      </button>
    </section>
  );
}
