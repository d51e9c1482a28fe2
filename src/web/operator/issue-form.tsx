/**
 * «Выдать талон»: a ticket for a visitor who cannot use the kiosk, issued with the operator's session
 * (POST /api/offices/{office}/tickets; the CSRF header comes with the app's request helper). A service of
 * the office (found by a word) or a purpose of the visit, a priority category from the region's list, an
 * optional phone for «your turn is near». The number issued is said in a live region; a closed office or
 * a service the office does not offer is said in words.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type IssuedTicket, ticketCreateSchema, visitPurposes } from '../../shared/queue.js';
import { fieldId } from '../admin/components/errors.js';
import { ChoiceField, TextField } from '../admin/components/fields.js';
import { useZodForm } from '../admin/components/use-zod-form.js';
import { queueApi } from './api.js';
import { useOfficeNames } from './office-data.js';
import { queueQueries } from './queries.js';
import { ServiceSelect } from './service-select.js';
import { QueueError, useQueueWords } from './words.js';

const optional = (v: string) => (v === '' ? undefined : v);

export function IssueForm({ office }: { office: { code: string; timeZone: string } }) {
  const { t, purpose, lang } = useQueueWords(office.timeZone);
  const names = useOfficeNames(office.code);
  const setup = useQuery(queueQueries.kioskSetup(office.code));
  const form = useZodForm(ticketCreateSchema, { defaultValues: {} });
  const [issued, setIssued] = useState<IssuedTicket | null>(null);
  // a new ticket starts with an empty search too: the service picker is made anew
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round > 0) document.getElementById(`${fieldId('issue', 'service')}-search`)?.focus();
  }, [round]);
  const refusal = form.state.error;
  return (
    <section aria-labelledby="op-issue" className="op-panel" data-testid="issue-ticket">
      <h2 id="op-issue">{t('operator.issue')}</h2>
      <p className="muted">{t('operator.issueText')}</p>
      <form
        noValidate
        aria-labelledby="op-issue"
        onSubmit={form.submit(
          (values) => queueApi.issueTicket(office.code, { ...values, locale: lang }),
          (ticket) => {
            setIssued(ticket);
            setRound((n) => n + 1);
            form.reset({});
          },
          '',
        )}
        onChange={() => setIssued(null)}
      >
        <ServiceSelect
          key={round}
          form="issue"
          path="service"
          services={names.services}
          selected={form.watch('service')}
          errors={form.errors}
          field={form.register('service', { setValueAs: optional })}
        />
        <ChoiceField
          form="issue"
          path="purpose"
          label={t('operator.purpose')}
          errors={form.errors}
          field={form.register('purpose', { setValueAs: optional })}
          options={[
            { value: '', label: t('operator.choosePurpose') },
            ...visitPurposes.map((p) => ({ value: p, label: purpose(p) })),
          ]}
        />
        <ChoiceField
          form="issue"
          path="priority"
          label={t('operator.priority')}
          errors={form.errors}
          field={form.register('priority', { setValueAs: optional })}
          options={[
            { value: '', label: t('operator.noPriority') },
            ...(setup.data?.priorities ?? []).map((p) => ({
              value: p.code,
              label: lang === 'en' && p.titleEn ? p.titleEn : p.title,
            })),
          ]}
        />
        <TextField
          form="issue"
          path="phone"
          type="tel"
          autoComplete="off"
          label={t('operator.phone')}
          hint={t('operator.phoneHint')}
          errors={form.errors}
          field={form.register('phone', { setValueAs: optional })}
        />
        <button type="submit" className="button button-primary" disabled={form.state.busy}>
          {t('operator.issueSubmit')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {issued && (
          <p className="notice notice-ok" data-testid="issued-ticket">
            {t('operator.issued', {
              number: issued.number,
              position: issued.position,
              minutes: issued.estimatedWaitMinutes,
            })}
          </p>
        )}
      </div>
      {refusal && refusal.validationDetails.length === 0 && (
        <QueueError error={refusal} testId="issue-error" />
      )}
    </section>
  );
}
