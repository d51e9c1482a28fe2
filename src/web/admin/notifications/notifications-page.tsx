/**
 * /admin/notifications: the outbox of SMS and e-mail to citizens, newest first — per-channel figures on
 * top, filters (status, channel, event, days) kept in the query string, 50 messages a page; a message
 * opens with its attempts, a failed one can be sent again, and with the failed filter every failed
 * message of the page at once.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type OutboxMessage, outboxQuerySchema } from '../../../shared/notifications.admin.js';
import { channels, messageStatuses, notificationEvents } from '../../../shared/notifications.js';
import { Badge, SelectField } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { TextField } from '../components/fields.js';
import { ListPage, useEditing } from '../components/list-page.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';
import { MessagePanel } from './message-panel.js';
import { OutboxFigures } from './outbox-figures.js';
import { statusTone, useOutboxWords } from './outbox-words.js';
import { TestMessageForm } from './test-message-form.js';

const limit = 50;
const idOf = (m: OutboxMessage) => m.id;
const filter = outboxQuerySchema.shape;

export function NotificationsPage() {
  const { t, tn } = useT();
  useTitle(t('admin.notifications'));
  const words = useOutboxWords();
  const [params, setParams] = useSearchParams();
  // what the address bar says, as far as the API would take it (a mistyped value is no filter)
  const valid = <T,>(schema: { safeParse: (v: unknown) => { data?: T } }, key: string) =>
    schema.safeParse(params.get(key) || undefined).data;
  const filters = {
    status: valid(filter.status, 'status'),
    channel: valid(filter.channel, 'channel'),
    event: valid(filter.event, 'event'),
    from: valid(filter.from, 'from'),
    to: valid(filter.to, 'to'),
  };
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery(adminQueries.outboxMessages({ ...filters, page, limit }));
  const editing = useEditing(list.data?.items, idOf);
  const retryAll = useSubmit();
  const [retried, setRetried] = useState<number | null>(null);
  const failedOnPage = list.data?.items.filter((m) => m.status === 'failed').map(idOf) ?? [];

  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    retryAll.clear();
    setParams(merged, { preventScrollReset: true });
  };
  const choose = (key: string) => (value: string) => update({ [key]: value, page: '' });

  const filtersForm = (
    <form aria-label={t('catalog.filters')} className="filters-row" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label={t('notif.status')}
        value={filters.status ?? ''}
        onChange={choose('status')}
        options={messageStatuses.map((s) => ({ value: s, label: words.status(s) }))}
      />
      <SelectField
        label={t('notif.channel')}
        value={filters.channel ?? ''}
        onChange={choose('channel')}
        options={channels.map((c) => ({ value: c, label: words.channel(c) }))}
      />
      <SelectField
        label={t('notif.event')}
        value={filters.event ?? ''}
        onChange={choose('event')}
        options={notificationEvents.map((e) => ({ value: e, label: words.event(e) }))}
      />
      <TextField
        form="outbox"
        path="from"
        type="date"
        label={t('admin.from')}
        value={filters.from ?? ''}
        onChange={choose('from')}
      />
      <TextField
        form="outbox"
        path="to"
        type="date"
        label={t('admin.to')}
        value={filters.to ?? ''}
        onChange={choose('to')}
      />
    </form>
  );

  return (
    <ListPage
      title={t('admin.notifications')}
      filters={
        <>
          {filtersForm}
          <OutboxFigures params={{ from: filters.from, to: filters.to }} />
          <TestMessageForm />
          <p className="small muted">{t('notif.timeZone')}</p>
          {filters.status === 'failed' && (
            <div className="form-actions outbox-retry-all">
              <button
                type="button"
                className="button button-primary"
                disabled={retryAll.busy || failedOnPage.length === 0}
                onClick={() =>
                  retryAll.run(
                    () => adminApi.retryMessages(failedOnPage),
                    (result) => setRetried(result.retried),
                  )
                }
              >
                {t('notif.retryPage')}
              </button>
              <SubmitStatus
                state={{
                  ...retryAll,
                  done: retryAll.done && retried !== null ? tn('notif.retriedPage', retried) : null,
                }}
                testId="outbox-retry-page-status"
              />
            </div>
          )}
        </>
      }
      query={list}
      rows={list.data?.items}
      rowKey={idOf}
      rowClass={(m) => (m.status === 'failed' ? 'row-failed' : undefined)}
      testId="outbox-messages"
      count={list.data && tn('notif.count', list.data.total)}
      empty={t('notif.empty')}
      paging={
        list.data && {
          page,
          pages: Math.max(1, Math.ceil(list.data.total / limit)),
          onPage: (p) => update({ page: String(p) }),
        }
      }
      columns={[
        {
          header: t('notif.created'),
          cell: (m) => <time dateTime={m.createdAt}>{words.when(m.createdAt)}</time>,
        },
        { header: t('notif.event'), cell: (m) => words.event(m.event), rowHeader: true },
        { header: t('notif.channel'), cell: (m) => words.channel(m.channel) },
        { header: t('notif.recipient'), cell: (m) => m.recipient },
        {
          header: t('notif.status'),
          cell: (m) => (
            <>
              <Badge tone={statusTone(m.status)}>{words.status(m.status)}</Badge>
              {m.lastError && <span className="small block">{m.lastError}</span>}
            </>
          ),
        },
        {
          header: t('notif.attempts'),
          cell: (m) => t('notif.attemptsOf', { n: m.attempts, limit: m.attemptLimit }),
        },
        {
          header: t('admin.actions'),
          cell: (m) => (
            <button
              type="button"
              className="button button-small"
              aria-label={t('notif.openItem', {
                item: `${words.event(m.event)}, ${words.channel(m.channel)}, ${m.recipient}`,
              })}
              onClick={() => editing.open(m)}
            >
              {t('notif.open')}
            </button>
          ),
        },
      ]}
    >
      {editing.item && <MessagePanel key={editing.item.id} message={editing.item} />}
    </ListPage>
  );
}
