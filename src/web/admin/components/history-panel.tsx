/**
 * An object's change history from GET /api/admin/history?entity=&key=: who, when, the action, and for
 * each changed field its value before → after, all in words (history-words.ts: «публикация», «Краткое
 * название», «понедельник, 09:00–18:00»). Mutations invalidate it (query-keys.ts): a save shows up here at once.
 */

import { useQuery } from '@tanstack/react-query';
import type { ChangeEntity } from '../../../shared/history.js';
import { QueryStatus } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { adminQueries } from '../queries.js';
import { changedFields, showValue } from './diff.js';
import { historyWords } from './history-words.js';

export function HistoryPanel({
  entity,
  objectKey,
}: {
  entity: ChangeEntity;
  /** Omitted: every object of the kind (each entry then names its object). */
  objectKey?: string;
}) {
  const translator = useT();
  const { t, locale } = translator;
  const words = historyWords(translator);
  const history = useQuery(adminQueries.history(entity, objectKey));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="history" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{t('admin.history')}</h2>
      <QueryStatus query={history} />
      {history.data && history.data.items.length === 0 && <p className="muted">{t('admin.historyEmpty')}</p>}
      {history.data && history.data.items.length > 0 && (
        <ol className="history-list">
          {history.data.items.map((change) => {
            const fields = changedFields(change.before, change.after);
            return (
              <li key={change.id} className="history-entry">
                <p className="history-head">
                  <strong>{change.login ?? t('admin.historySystem')}</strong> ·{' '}
                  <time dateTime={change.at}>{when.format(new Date(change.at))}</time> ·{' '}
                  <span className="mark">{words.action(change.action)}</span>
                  {objectKey === undefined && <> · {change.key}</>}
                </p>
                {fields.length > 0 && (
                  <table className="diff">
                    <thead>
                      <tr>
                        <th scope="col">{t('admin.historyField')}</th>
                        <th scope="col">{t('admin.historyBefore')}</th>
                        <th scope="col">{t('admin.historyAfter')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {fields.map((field) => (
                        <tr key={field.name}>
                          <th scope="row">
                            {/* a change of a whole list (hours, windows…) is named by its action */}
                            {field.name === '—' ? words.action(change.action) : words.field(field.name)}
                          </th>
                          <td className="diff-before">{showValue(field.before, words, field.name)}</td>
                          <td className="diff-after">{showValue(field.after, words, field.name)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
