/**
 * One of the office's services, found by a word of its title: a search box narrows the list below it (a
 * labelled select, so a keyboard and a screen reader use it as any select). Bound to a react-hook-form
 * field (`field`, its value the service's code, '' when none) with its error slot.
 */
import { useMemo, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { FieldErrors } from '../admin/components/errors.js';
import { fieldId } from '../admin/components/errors.js';
import { FieldError } from '../admin/components/fields.js';
import { matches } from '../admin/components/pick-list.js';
import { useT } from '../app/i18n/index.js';
import type { OfficeService } from './office-data.js';

export function ServiceSelect({
  form,
  path,
  services,
  field,
  errors,
  exclude,
  selected,
}: {
  form: string;
  path: string;
  services: OfficeService[];
  field: UseFormRegisterReturn;
  errors: FieldErrors;
  /** A service not offered as a choice (the ticket's own, when redirecting). */
  exclude?: string | null;
  /** The chosen code: it stays in the list whatever the search says. */
  selected?: string;
}) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const id = fieldId(form, path);
  const error = errors[path];
  const shown = useMemo(
    () => services.filter((s) => s.code !== exclude && (s.code === selected || matches(s.title, query))),
    [services, exclude, query, selected],
  );
  return (
    <div className={error !== undefined ? 'field field-invalid' : 'field'}>
      <label htmlFor={`${id}-search`}>{t('operator.serviceSearch')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('operator.serviceSearchHint')}
      </p>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setQuery(e.target.value)}
      />
      <label htmlFor={id} className="op-select-label">
        {t('operator.service')}
      </label>
      <select
        id={id}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        {...field}
      >
        <option value="">
          {shown.length === 0 ? t('operator.noServiceFound') : t('operator.chooseService')}
        </option>
        {shown.map((s) => (
          <option key={s.code} value={s.code}>
            {s.title}
          </option>
        ))}
      </select>
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
}
