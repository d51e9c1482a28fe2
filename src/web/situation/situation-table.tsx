/**
 * The situational center's list: every office of the scope with its figures and its alerts in words, in the
 * order chosen by the column headers (alerts, waiting, the longest and the predicted wait, name; the order is
 * in the address, `?sort=`), narrowed by a word and to the offices with alerts. A row's name picks the office
 * on the map.
 */
import type { Situation, SituationOffice } from '../../shared/analytics.js';
import { compareNames } from '../../shared/collation.js';
import { TableScroll } from '../admin/components/list-page.js';
import { type MessageKey, useT } from '../app/i18n/index.js';
import { officeState, type SortKey, sortOffices } from './situation-view.js';
import { alertText, minutesText, stateWords, visitsText } from './situation-words.js';

const sortable: Partial<Record<SortKey, MessageKey>> = {
  name: 'situation.col.office',
  waiting: 'situation.col.waiting',
  longest: 'situation.col.longest',
  predicted: 'situation.col.predicted',
  alerts: 'situation.col.alerts',
};

export type ListFilter = { sort: SortKey; word: string; onlyAlerts: boolean };

export function filterOffices(offices: readonly SituationOffice[], filter: ListFilter): SituationOffice[] {
  const word = filter.word.trim().toLocaleLowerCase('ru');
  const kept = offices.filter(
    (o) =>
      (!filter.onlyAlerts || o.alerts.length > 0) &&
      (word === '' ||
        o.name.toLocaleLowerCase('ru').includes(word) ||
        o.district.toLocaleLowerCase('ru').includes(word) ||
        compareNames(o.code, word) === 0),
  );
  return sortOffices(kept, filter.sort);
}

export function SituationTable(props: {
  situation: Situation;
  filter: ListFilter;
  onFilter: (change: Partial<ListFilter>) => void;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const translator = useT();
  const { t, tn } = translator;
  const { situation, filter } = props;
  const shown = filterOffices(situation.offices, filter);
  const header = (key: SortKey) => {
    const label = t(sortable[key] as MessageKey);
    const active = filter.sort === key;
    return (
      <th scope="col" aria-sort={active ? (key === 'name' ? 'ascending' : 'descending') : undefined}>
        <button
          type="button"
          className="link-button"
          aria-pressed={active}
          title={t('situation.sortBy', { column: label })}
          onClick={() => props.onFilter({ sort: key })}
        >
          {label}
          {active ? (key === 'name' ? ' ↑' : ' ↓') : ''}
        </button>
      </th>
    );
  };
  return (
    <section aria-labelledby="situation-list-title" data-testid="situation-list">
      <h2 id="situation-list-title">{t('situation.list')}</h2>
      <div className="situation-filters">
        <div className="field">
          <label htmlFor="situation-word">{t('situation.filter')}</label>
          <input
            id="situation-word"
            type="search"
            value={filter.word}
            placeholder={t('situation.filterHint')}
            onChange={(e) => props.onFilter({ word: e.target.value })}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.onlyAlerts}
            onChange={(e) => props.onFilter({ onlyAlerts: e.target.checked })}
          />{' '}
          {t('situation.onlyAlerts')}
        </label>
      </div>
      <p className="muted small" aria-live="polite">
        {tn('situation.count', shown.length)}
      </p>
      {shown.length === 0 ? (
        <p>{t('situation.noOffices')}</p>
      ) : (
        <TableScroll label={t('situation.list')}>
          <table className="admin-table situation-table">
            <thead>
              <tr>
                {header('name')}
                <th scope="col">{t('situation.col.district')}</th>
                <th scope="col">{t('situation.col.state')}</th>
                {header('waiting')}
                {header('longest')}
                {header('predicted')}
                <th scope="col">{t('situation.col.windows')}</th>
                <th scope="col">{t('situation.col.visits')}</th>
                {header('alerts')}
              </tr>
            </thead>
            <tbody>
              {shown.map((o) => {
                const state = officeState(o, situation.targetWaitMinutes);
                return (
                  <tr
                    key={o.code}
                    data-office={o.code}
                    data-state={state}
                    className={o.code === props.selected ? 'is-selected' : undefined}
                  >
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={o.code === props.selected}
                        onClick={() => props.onSelect(o.code)}
                      >
                        {o.name}
                      </button>
                    </th>
                    <td>{o.district}</td>
                    <td>
                      <span className={`situation-state situation-state-${state}`}>
                        {o.open ? t('situation.open') : t('situation.closed')}
                      </span>
                      <span className="visually-hidden">. {t(stateWords[state])}</span>
                    </td>
                    <td className="num">{translator.number(o.waiting)}</td>
                    <td className="num">{minutesText(translator, o.longestWaitMinutes)}</td>
                    <td className="num">{minutesText(translator, o.predictedWaitMinutes)}</td>
                    <td className="num">
                      {t('situation.windows', { open: o.windowsOpen, total: o.windowsTotal })}
                    </td>
                    <td className="num">{visitsText(translator, o)}</td>
                    <td data-testid="office-alerts">
                      {o.alerts.length === 0 ? (
                        t('situation.none')
                      ) : (
                        <ul className="situation-alert-list">
                          {o.alerts.map((a) => (
                            <li key={`${a.kind}-${a.window ?? ''}-${a.kiosk ?? ''}`}>
                              <span aria-hidden="true" className="situation-alert-icon">
                                !
                              </span>{' '}
                              {alertText(translator, a, situation.targetWaitMinutes)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
