/**
 * Above the outbox's list: per channel, how many messages by status, the share that got through, the delay
 * from written to handed over (median and 99th percentile) and whether the channel has a gateway here.
 */
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import type { OutboxFiguresParams } from '../../app/query-keys.js';
import { TableScroll } from '../components/list-page.js';
import { adminQueries } from '../queries.js';
import { useOutboxWords } from './outbox-words.js';

export function OutboxFigures({ params }: { params: OutboxFiguresParams }) {
  const { t, locale } = useT();
  const words = useOutboxWords();
  const figures = useQuery(adminQueries.outboxFigures(params));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const seconds = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const title = params.from || params.to ? t('notif.figuresFor') : t('notif.figures');
  return (
    <section aria-labelledby="outbox-figures-title">
      <h2 id="outbox-figures-title">{title}</h2>
      <QueryStatus query={figures} />
      {figures.data && (
        <TableScroll label={title}>
          <table className="admin-table" data-testid="outbox-figures">
            <thead>
              <tr>
                <th scope="col">{t('notif.channel')}</th>
                <th scope="col">{t('notif.total')}</th>
                <th scope="col">{t('notif.status.sent')}</th>
                <th scope="col">{t('notif.status.delivered')}</th>
                <th scope="col">{t('notif.status.failed')}</th>
                <th scope="col">{t('notif.queued')}</th>
                <th scope="col">{t('notif.successRate')}</th>
                <th scope="col">{t('notif.lag')}</th>
                <th scope="col">{t('notif.gateway')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{words.channel(c.channel)}</th>
                  <td>{c.total}</td>
                  <td>{c.byStatus.sent}</td>
                  <td>{c.byStatus.delivered}</td>
                  <td>{c.byStatus.failed}</td>
                  {/* one being handed over right now is still waiting for its outcome */}
                  <td>{c.byStatus.queued + c.byStatus.sending}</td>
                  <td>{c.successRate === null ? '—' : percent.format(c.successRate)}</td>
                  <td>
                    {c.lagP50Seconds === null || c.lagP99Seconds === null
                      ? '—'
                      : `${seconds.format(c.lagP50Seconds)} / ${seconds.format(c.lagP99Seconds)}`}
                  </td>
                  <td>{c.configured ? t('notif.gatewayOn') : <strong>{t('notif.gatewayOff')}</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
