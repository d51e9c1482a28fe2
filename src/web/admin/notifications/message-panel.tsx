/**
 * One message of the outbox: its state (masked recipient, never the address or the text), every attempt
 * to deliver it (time, outcome in words, the gateway's detail, the worker) and «Отправить снова» while it
 * is failed. The state is the list's cached row (a retry updates it there); the attempts are read fresh.
 */
import { useQuery } from '@tanstack/react-query';
import type { OutboxMessage } from '../../../shared/notifications.admin.js';
import { Badge, QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { FormPanel, TableScroll } from '../components/list-page.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';
import { statusTone, useOutboxWords } from './outbox-words.js';

export function MessagePanel({ message }: { message: OutboxMessage }) {
  const { t } = useT();
  const words = useOutboxWords();
  const detail = useQuery(adminQueries.outboxMessage(message.id));
  const retry = useSubmit();
  const title = t('notif.messageTitle', {
    event: words.event(message.event),
    channel: words.channel(message.channel),
    recipient: message.recipient,
  });
  const facts: [string, string | null][] = [
    [t('notif.created'), words.when(message.createdAt)],
    [t('notif.attempts'), t('notif.attemptsOf', { n: message.attempts, limit: message.attemptLimit })],
    [t('notif.nextAttempt'), message.nextAttemptAt && words.when(message.nextAttemptAt)],
    [t('notif.sentAt'), message.sentAt && words.when(message.sentAt)],
    [t('notif.deliveredAt'), message.deliveredAt && words.when(message.deliveredAt)],
    [t('notif.failedAt'), message.failedAt && words.when(message.failedAt)],
    [t('notif.provider'), message.provider],
    [t('notif.about'), message.about && words.about(message.about)],
    [t('notif.office'), message.office],
  ];
  const attempts = detail.data?.attempts;
  return (
    <FormPanel id="outbox-message" title={title}>
      <div data-testid="outbox-message">
        <p>
          <Badge tone={statusTone(message.status)}>{words.status(message.status)}</Badge>
        </p>
        {message.lastError && (
          <p>
            {t('notif.lastError')}: <span data-testid="outbox-message-error">{message.lastError}</span>
          </p>
        )}
        <dl className="facts">
          {facts
            .filter((fact): fact is [string, string] => Boolean(fact[1]))
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <SubmitStatus state={retry} testId="outbox-retry-status" />
        {message.status === 'failed' && (
          <button
            type="button"
            className="button button-primary"
            disabled={retry.busy}
            onClick={() =>
              retry.run(() => adminApi.retryMessages([message.id]), undefined, t('notif.retried'))
            }
          >
            {t('notif.retry')}
          </button>
        )}
        <h3>{t('notif.attemptLog')}</h3>
        <QueryStatus query={detail} />
        {attempts && attempts.length === 0 && <p className="muted">{t('notif.attemptLogEmpty')}</p>}
        {attempts && attempts.length > 0 && (
          <TableScroll label={t('notif.attemptLog')}>
            <table className="admin-table" data-testid="outbox-attempts">
              <thead>
                <tr>
                  <th scope="col">{t('notif.attemptN')}</th>
                  <th scope="col">{t('notif.attemptTime')}</th>
                  <th scope="col">{t('notif.outcome')}</th>
                  <th scope="col">{t('notif.detail')}</th>
                  <th scope="col">{t('notif.worker')}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a) => (
                  <tr key={a.attempt}>
                    <th scope="row">{a.attempt}</th>
                    <td>
                      <time dateTime={a.startedAt}>{words.when(a.startedAt)}</time>
                    </td>
                    <td>{words.outcome(a.outcome)}</td>
                    <td>{a.detail ?? '—'}</td>
                    <td className="small">{a.worker}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </FormPanel>
  );
}
