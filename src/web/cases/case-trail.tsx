/**
 * The case's trail (GET …/events, append-only and hash-chained on the server): a table of every operation —
 * the time on the office's clock, who, what in words, and its details (a stage's before and after, the
 * comment, a due date's move, the document, who received the result…). A detail this page does not know
 * is shown as it came, so nothing recorded is hidden.
 */
import { useQuery } from '@tanstack/react-query';
import type { Case, CaseEvent } from '../../shared/cases.js';
import { TableScroll } from '../admin/components/list-page.js';
import { QueryStatus } from '../app/components.js';
import { stageTitleOf } from './case-route-panel.js';
import type { CaseWords } from './case-words.js';
import { caseQueries } from './cases-queries.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T/;
/** Details that only machines need (ids, hashes) or that another column shows already. */
const hidden = new Set([
  'id',
  'caseId',
  'case',
  'document',
  'documentId',
  'suspension',
  'request',
  'register',
  'actor',
  'office',
  'ticket',
  'replaces',
  'pin',
]);

export function eventDetails(event: CaseEvent, c: Case, w: CaseWords): string[] {
  const { t } = w;
  const d = event.details;
  const stage = stageTitleOf(c);
  const text = (v: unknown): string =>
    typeof v === 'string'
      ? isoDate.test(v)
        ? w.date(v)
        : isoInstant.test(v)
          ? w.at(v)
          : v
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : Array.isArray(v)
          ? v.map(text).join(', ')
          : '';
  const out: string[] = [];
  const used = new Set<string>();
  const take = (...keys: string[]) => {
    for (const k of keys) used.add(k);
    return keys.map((k) => d[k]);
  };
  const [from, to] = take('from', 'to');
  if (event.kind === 'transition' && typeof to === 'string')
    out.push(t('cases.detail.stage', { from: typeof from === 'string' ? stage(from) : '—', to: stage(to) }));
  else {
    used.delete('from');
    used.delete('to');
  }
  const [before, after] = take('before', 'after');
  if (typeof before === 'string' && typeof after === 'string')
    out.push(t('cases.detail.due', { before: text(before), after: text(after) }));
  else if (before !== undefined || after !== undefined) {
    used.delete('before');
    used.delete('after');
  }
  const [name] = take('name');
  if (typeof name === 'string') out.push(t('cases.detail.document', { name }));
  const [number] = take('number');
  if (typeof number === 'string') out.push(t('cases.detail.number', { number }));
  const [receivedBy] = take('receivedBy');
  if (receivedBy === 'applicant' || receivedBy === 'representative')
    out.push(t('cases.detail.receivedBy', { who: t(`cases.issue.${receivedBy}`) }));
  const [comment] = take('comment');
  if (typeof comment === 'string' && comment) out.push(t('cases.detail.comment', { text: comment }));
  for (const [key, value] of Object.entries(d)) {
    if (used.has(key) || hidden.has(key) || value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) continue;
    const shown = text(value);
    if (shown) out.push(`${key}: ${shown}`);
  }
  return out;
}

export function CaseTrail({ c, w }: { c: Case; w: CaseWords }) {
  const { t } = w;
  const events = useQuery(caseQueries.events(c.id));
  return (
    <section aria-labelledby="case-trail" className="case-panel case-trail" data-testid="case-trail">
      <h2 id="case-trail">{t('cases.trail.title')}</h2>
      <QueryStatus query={events} />
      {events.data && events.data.length === 0 && <p className="muted">{t('cases.trail.empty')}</p>}
      {events.data && events.data.length > 0 && (
        <TableScroll label={t('cases.trail.title')}>
          <table className="admin-table case-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.trail.time')}</th>
                <th scope="col">{t('cases.trail.who')}</th>
                <th scope="col">{t('cases.trail.what')}</th>
                <th scope="col">{t('cases.trail.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => (
                <tr key={event.seq} data-testid="case-event" data-kind={event.kind}>
                  <td className="case-nowrap">{w.at(event.at)}</td>
                  <td>{event.actor?.name ?? t('cases.trail.system')}</td>
                  <th scope="row">{t(`cases.event.${event.kind}`)}</th>
                  <td>{eventDetails(event, c, w).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
