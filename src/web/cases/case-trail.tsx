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
/** Details only machines need (ids, hashes, versions) or that another column shows already. */
const hidden = new Set([
  'id',
  'suspension',
  'request',
  'register',
  'ticket',
  'service',
  'version',
  'via',
  'what',
  'ref',
  'documentChecked',
  'scan',
]);

type Doc = { name?: unknown; form?: unknown; pages?: unknown };
const isDoc = (v: unknown): v is Doc => !!v && typeof v === 'object' && 'name' in v;

/** An event's details in words, by its kind; what a kind does not name is shown as it came. */
export function eventDetails(event: CaseEvent, c: Case, w: CaseWords): string[] {
  const { t, tn } = w;
  const d = event.details;
  const stage = stageTitleOf(c);
  const text = (v: unknown): string =>
    typeof v === 'string'
      ? isoDate.test(v)
        ? w.date(v)
        : isoInstant.test(v)
          ? w.at(v)
          : v
      : typeof v === 'number'
        ? String(v)
        : Array.isArray(v)
          ? v.map(text).join(', ')
          : '';
  const doc = (v: Doc) =>
    [
      String(v.name),
      v.form === 'original' || v.form === 'copy' ? w.form(v.form) : '',
      typeof v.pages === 'number' ? tn('cases.detail.pages', v.pages) : '',
    ]
      .filter(Boolean)
      .join(', ');
  const out: string[] = [];
  const used = new Set<string>();
  const str = (key: string) => {
    used.add(key);
    return typeof d[key] === 'string' ? (d[key] as string) : null;
  };
  switch (event.kind) {
    case 'transition':
    case 'issued': {
      const before = str('before');
      const after = str('after');
      if (after) out.push(t('cases.detail.stage', { from: before ? stage(before) : '—', to: stage(after) }));
      const who = str('receivedBy');
      if (who === 'applicant' || who === 'representative')
        out.push(t('cases.detail.receivedBy', { who: t(`cases.issue.${who}`) }));
      const rep = str('representative');
      if (rep) out.push(rep);
      const until = str('storageUntil');
      if (until) out.push(`${t('cases.page.storageUntil').toLowerCase()}: ${w.date(until)}`);
      used.add('resultOnTime');
      break;
    }
    case 'deadline_changed': {
      const before = str('before');
      const after = str('after');
      const days = d.days;
      used.add('days');
      used.add('kind');
      used.add('reasons');
      const from = str('from');
      const to = str('to');
      if (typeof days === 'number' && from && to)
        out.push(
          `${tn(d.kind === 'calendar' ? 'cases.deadline.plusCalendar' : 'cases.deadline.plus', days)}: ${text(d.reasons)} ${w.date(from)}–${w.date(to)}`,
        );
      if (before && after) out.push(t('cases.detail.due', { before: w.date(before), after: w.date(after) }));
      break;
    }
    case 'suspended':
    case 'resumed': {
      const reason = str('reason');
      if (reason === 'request' || reason === 'applicant') out.push(t(`cases.susp.reason.${reason}`));
      const note = str('note');
      if (note) out.push(note);
      const from = str('from');
      const to = str('to');
      if (from) out.push(to ? t('cases.susp.period', { from: w.date(from), to: w.date(to) }) : w.date(from));
      break;
    }
    case 'document_added':
    case 'document_replaced':
      used.add('before');
      used.add('after');
      if (isDoc(d.before)) out.push(t('cases.detail.replaced', { name: doc(d.before) }));
      if (isDoc(d.after)) out.push(t('cases.detail.document', { name: doc(d.after) }));
      break;
    case 'scan_viewed': {
      used.add('document');
      const name = str('name');
      if (name) out.push(t('cases.detail.document', { name }));
      break;
    }
    case 'accepted': {
      const number = str('number');
      if (number) out.push(t('cases.detail.number', { number }));
      const channel = str('channel');
      if (channel === 'window' || channel === 'backoffice' || channel === 'outreach')
        out.push(w.channel(channel));
      const due = str('dueDate');
      if (due) out.push(`${t('cases.page.due').toLowerCase()}: ${w.date(due)}`);
      used.add('documents');
      if (Array.isArray(d.documents) && d.documents.length > 0)
        out.push(`${t('cases.docs.title').toLowerCase()}: ${d.documents.filter(isDoc).map(doc).join('; ')}`);
      used.add('feePaid');
      if (d.feePaid === true) out.push(`${t('cases.page.fee').toLowerCase()} ${t('cases.page.feePaid')}`);
      break;
    }
  }
  const comment = str('comment');
  if (comment) out.push(t('cases.detail.comment', { text: comment }));
  for (const [key, value] of Object.entries(d)) {
    if (used.has(key) || hidden.has(key) || value === null || value === undefined) continue;
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
