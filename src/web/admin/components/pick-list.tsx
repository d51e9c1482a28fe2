/**
 * A searchable multi-select: a fieldset named by its legend, the chosen items (each with «Убрать»), a
 * search box, and the matching options as checkboxes named by their titles (codes never shown as names).
 * Options are sorted in the one Russian order; at most `shown` matches are listed, the rest asks for a
 * narrower search. A chosen value with no option (an unknown code) is still listed under its code.
 *   <PickList form="windows" path="windows.0.serviceCodes" label={t('admin.windowServices')}
 *     options={services.map((s) => ({ value: s.code, label: s.title }))} value={codes} onChange={…} errors={errors} />
 * The search box has the field's id, so <ErrorSummary/> links to it.
 */
import { useId, useMemo, useState } from 'react';
import { russianCollator, sortedBy } from '../../../shared/collation.js';
import { useT } from '../../app/i18n/index.js';
import { type FieldErrors, fieldId } from './errors.js';
import { FieldError } from './fields.js';

export type PickOption = { value: string; label: string; detail?: string };

/** Whether every word of the query starts a word of the text, case and ё/е aside. */
const wordsOf = (text: string) => text.split(/[\s,.;:()«»"/-]+/).filter(Boolean);

export function matches(text: string, query: string): boolean {
  const words = wordsOf(query);
  if (words.length === 0) return true;
  const textWords = wordsOf(text);
  return words.every((w) =>
    textWords.some((tw) => tw.length >= w.length && russianCollator.compare(tw.slice(0, w.length), w) === 0),
  );
}

export function PickList(props: {
  form: string;
  path: string;
  label: string;
  hint?: string;
  options: PickOption[];
  value: string[];
  onChange: (value: string[]) => void;
  errors?: FieldErrors;
  /** How many matching options to list at most. */
  shown?: number;
  loading?: boolean;
}) {
  const { t } = useT();
  const id = fieldId(props.form, props.path);
  const optionsId = useId();
  const [query, setQuery] = useState('');
  const error = props.errors?.[props.path];
  const shown = props.shown ?? 30;
  const sorted = useMemo(() => sortedBy(props.options, (o) => o.label), [props.options]);
  const byValue = useMemo(() => new Map(props.options.map((o) => [o.value, o])), [props.options]);
  const chosen = new Set(props.value);
  const chosenItems = sortedBy(
    props.value.map((value) => byValue.get(value) ?? { value, label: value }),
    (o) => o.label,
  );
  const found = sorted.filter((o) => matches(`${o.label} ${o.detail ?? ''}`, query));
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.value, value] : props.value.filter((v) => v !== value));
  const describedBy =
    [error !== undefined ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset className={`pick-list ${error !== undefined ? 'field-invalid' : ''}`}>
      <legend>{props.label}</legend>
      {props.hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <p className="pick-chosen-count small muted" aria-live="polite">
        {chosenItems.length === 0 ? t('admin.pickNone') : t('admin.pickChosen', { n: chosenItems.length })}
      </p>
      {chosenItems.length > 0 && (
        <ul className="pick-chosen">
          {chosenItems.map((item) => (
            <li key={item.value}>
              <span>{item.label}</span>
              <button
                type="button"
                className="pick-remove"
                aria-label={t('admin.pickRemove', { item: item.label })}
                onClick={() => toggle(item.value, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={id}>{t('admin.pickSearch', { label: props.label })}</label>
        <input
          id={id}
          type="search"
          autoComplete="off"
          value={query}
          aria-controls={optionsId}
          aria-invalid={error !== undefined ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the search box picks nothing and must not submit the whole form
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      </div>
      <ul className="pick-options" id={optionsId}>
        {found.slice(0, shown).map((o) => {
          const boxId = `${id}-${o.value}`;
          return (
            <li key={o.value} className="field-check">
              <input
                id={boxId}
                type="checkbox"
                checked={chosen.has(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <label htmlFor={boxId}>
                {o.label}
                {o.detail && <span className="small muted"> · {o.detail}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {!props.loading && found.length === 0 && <p className="small muted">{t('admin.pickNoMatch')}</p>}
      {found.length > shown && <p className="small muted">{t('admin.pickMore', { n: shown })}</p>}
      <FieldError message={error} id={`${id}-error`} />
    </fieldset>
  );
}
