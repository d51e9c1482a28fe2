/**
 * Labelled form fields with an error slot for the admin console. Each takes `form` + `path` (its id is
 * fieldId(form, path), so <ErrorSummary/> can link to it) and `errors` (path → message, errors.ts).
 * A field of a react-hook-form form takes its registration instead of value/onChange:
 *   <TextField form="office" path="name" label={t('…')} field={form.register('name')} errors={errors} />
 * or, outside a form library, `value` + `onChange`.
 * <ErrorSummary form errors labels /> lists every field error (role=alert) with links to the fields.
 */
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useT } from '../../app/i18n/index.js';
import { type FieldErrors, fieldId } from './errors.js';

/** Either a registration of react-hook-form or a controlled value. */
type Binding<V> =
  | { field: UseFormRegisterReturn; value?: never; onChange?: never }
  | { field?: never; value: V; onChange: (value: V) => void };

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
  if (message === undefined) return null;
  return (
    <p className="field-error" id={id}>
      {message}
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
  props: Base &
    Binding<string> & {
      type?: 'text' | 'number' | 'time' | 'date' | 'email' | 'tel' | 'password';
      multiline?: boolean;
      rows?: number;
      autoComplete?: string;
      min?: number;
    },
) {
  const id = fieldId(props.form, props.path);
  const error = props.errors?.[props.path];
  const binding = props.field ?? {
    name: props.path,
    value: props.value,
    onChange: (e: { target: { value: string } }) => props.onChange?.(e.target.value),
  };
  const common = {
    id,
    required: props.required,
    'aria-invalid': error !== undefined ? true : undefined,
    'aria-describedby': describe(id, error, props.hint),
    ...binding,
  };
  return (
    <Frame {...props} id={id}>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 5} />
      ) : (
        <input {...common} type={props.type ?? 'text'} min={props.min} autoComplete={props.autoComplete} />
      )}
    </Frame>
  );
}

export function ChoiceField(
  props: Base &
    Binding<string> & {
      options: { value: string; label: string }[];
    },
) {
  const id = fieldId(props.form, props.path);
  const error = props.errors?.[props.path];
  return (
    <Frame {...props} id={id}>
      <select
        id={id}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describe(id, error, props.hint)}
        {...(props.field ?? {
          name: props.path,
          value: props.value,
          onChange: (e: { target: { value: string } }) => props.onChange?.(e.target.value),
        })}
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
  props: Omit<Base, 'hiddenLabel'> &
    (
      | { field: UseFormRegisterReturn; checked?: never; onChange?: never }
      | { field?: never; checked: boolean; onChange: (checked: boolean) => void }
    ),
) {
  const id = fieldId(props.form, props.path);
  const error = props.errors?.[props.path];
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        aria-invalid={error !== undefined ? true : undefined}
        {...(props.field ?? {
          name: props.path,
          checked: props.checked,
          onChange: (e: { target: { checked: boolean } }) => props.onChange?.(e.target.checked),
        })}
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
        {paths.map((path) => (
          <li key={path}>
            <a href={`#${fieldId(form, path)}`}>{label ? label(path) : path}</a>: {errors[path]}
          </li>
        ))}
      </ul>
    </div>
  );
}
