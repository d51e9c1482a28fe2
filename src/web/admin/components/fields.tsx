/**
 * Labelled form fields with an error slot for the admin console. Each takes `form` + `path` (its id is
 * fieldId(form, path), so <ErrorSummary/> can link to it) and `errors` from fieldErrorsOf():
 *   <TextField form="office" path="name" label={t('…')} value={v} onChange={set} errors={errors} />
 * <ErrorSummary form errors labels /> lists every field error (role=alert) with links to the fields.
 */
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n/index.js';
import { type FieldErrors, fieldId, knownMessage } from './errors.js';

type Base = {
  form: string;
  path: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  /** Shown to screen readers only (a column header already labels it). */
  hiddenLabel?: boolean;
};

export function FieldError({ message, id }: { message?: string; id: string }) {
  const { t } = useT();
  if (message === undefined) return null;
  const key = knownMessage(message);
  return (
    <p className="field-error" id={id}>
      {key ? t(key) : message}
    </p>
  );
}

function describe(id: string, error: string | undefined, hint: string | undefined) {
  return (
    [error !== undefined ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}

function Frame(props: Base & { id: string; children: ReactNode; className?: string }) {
  const error = props.errors?.[props.path];
  return (
    <div className={`field ${props.className ?? ''} ${error !== undefined ? 'field-invalid' : ''}`}>
      <label htmlFor={props.id} className={props.hiddenLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.hint && (
        <p className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      <FieldError message={error} id={`${props.id}-error`} />
    </div>
  );
}

export function TextField(
  props: Base & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'number' | 'time' | 'date' | 'email' | 'tel' | 'password';
    multiline?: boolean;
    rows?: number;
    autoComplete?: string;
    min?: number;
  },
) {
  const id = fieldId(props.form, props.path);
  const error = props.errors?.[props.path];
  const common = {
    id,
    name: props.path,
    value: props.value,
    required: props.required,
    'aria-invalid': error !== undefined ? true : undefined,
    'aria-describedby': describe(id, error, props.hint),
  };
  return (
    <Frame {...props} id={id}>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 5} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          min={props.min}
          autoComplete={props.autoComplete}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Frame>
  );
}

export function ChoiceField(
  props: Base & {
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string }[];
  },
) {
  const id = fieldId(props.form, props.path);
  const error = props.errors?.[props.path];
  return (
    <Frame {...props} id={id}>
      <select
        id={id}
        name={props.path}
        value={props.value}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describe(id, error, props.hint)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckField(
  props: Omit<Base, 'hiddenLabel'> & { checked: boolean; onChange: (checked: boolean) => void },
) {
  const id = fieldId(props.form, props.path);
  const error = props.errors?.[props.path];
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        name={props.path}
        checked={props.checked}
        aria-invalid={error !== undefined ? true : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
}

/** Every field error of a form, each linking to its field; `labels` names a path (else the path is shown). */
export function ErrorSummary({
  form,
  errors,
  label,
}: {
  form: string;
  errors: FieldErrors;
  label?: (path: string) => string;
}) {
  const { t } = useT();
  const paths = Object.keys(errors);
  if (paths.length === 0) return null;
  return (
    <div className="notice notice-error error-summary" role="alert" data-testid={`${form}-errors`}>
      <h3>{t('admin.errorsTitle')}</h3>
      <ul>
        {paths.map((path) => {
          const key = knownMessage(errors[path]);
          return (
            <li key={path}>
              <a href={`#${fieldId(form, path)}`}>{label ? label(path) : path}</a>:{' '}
              {key ? t(key) : errors[path]}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
