/**
 * A react-hook-form form validated by a shared zod schema (src/shared), sending through useSubmit:
 *   const form = useZodForm(districtUpdateSchema, { defaultValues: { name, kind, population } });
 *   <form onSubmit={form.submit((values) => adminApi.editDistrict(code, values))}>
 *     <TextField form="district" path="name" field={form.register('name')} errors={form.errors} …/>
 *     <SubmitStatus state={form.state} />
 * - the schema runs before anything is sent (zodResolver); its messages are the user's words for the
 *   issue's code and parameters (app/issues.ts), not the schema's English;
 * - a 400 VALIDATION from the server puts each `details[]` problem on its field (setError), in the
 *   same words; `mapPath` renames a path of the schema's output or the server's to the form's field
 *   (or null: the form's general message only) — a form whose rows are not the body's (hours by
 *   weekday) validates with a schema piped into the body's, so both kinds of path are the same;
 * - `form.errors` is every field error by path, for the fields and <ErrorSummary/>.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useMemo, useRef } from 'react';
import {
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type Resolver,
  type FieldErrors as RhfErrors,
  type UseFormProps,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { type Translator, useT } from '../../app/i18n/index.js';
import { issueMessage, issueOfZod } from '../../app/issues.js';
import type { FieldErrors } from './errors.js';
import { useSubmit } from './use-submit.js';

type Schema = z.ZodType<FieldValues, FieldValues>;

/** zodResolver, with each error's message in the user's words (zodResolver keeps the code, not the bounds). */
function translatedResolver<S extends Schema>(
  schema: S,
  t: Translator['t'],
  mapPath: { current?: (path: string) => string | null },
): Resolver<z.input<S>, unknown, z.output<S>> {
  const base = zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (Object.keys(result.errors).length === 0) return result;
    const parsed = await schema.safeParseAsync(values);
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error?.issues ?? []) {
      const raw = issue.path.join('.');
      const path = mapPath.current ? mapPath.current(raw) : raw;
      if (path !== null && !errors[path])
        errors[path] = { type: issue.code, message: issueMessage(t, issueOfZod(issue)) };
    }
    // never a valid answer for values the schema refused, even if every path was renamed away
    if (Object.keys(errors).length === 0) return result;
    return { values: {}, errors: nest(errors) as RhfErrors<z.input<S>> };
  };
}

/** `{ 'hours.0.closes': e }` → `{ hours: [{ closes: e }] }`, the shape react-hook-form keeps errors in. */
function nest(flat: Record<string, FieldError>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, error] of Object.entries(flat)) {
    const keys = path ? path.split('.') : ['root'];
    let node = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = error;
      else {
        if (node[key] === undefined) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return root;
}

/** Every error in react-hook-form's tree by its dotted path. */
function flatten(errors: unknown, prefix = '', out: FieldErrors = {}): FieldErrors {
  if (!errors || typeof errors !== 'object') return out;
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && typeof node.type === 'string') {
    out[prefix] = node.message;
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref') continue;
    flatten(value, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

export function useZodForm<S extends Schema>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver' | 'defaultValues'> & {
    defaultValues: DefaultValues<z.input<S>>;
    mapPath?: (path: string) => string | null;
  },
) {
  const { t } = useT();
  const { mapPath, ...formOptions } = options;
  // the latest renaming (it may depend on the form's values), read when the schema runs
  const mapPathRef = useRef(mapPath);
  mapPathRef.current = mapPath;
  const resolver = useMemo(() => translatedResolver(schema, t, mapPathRef), [schema, t]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ ...formOptions, resolver });
  const state = useSubmit(mapPath);
  const { setError } = form;

  /** The form's onSubmit: validates, sends `action(values)`, and puts the server's field problems on the fields. */
  const submit = useCallback(
    <T,>(action: (values: z.output<S>) => Promise<T>, onDone?: (result: T) => void, doneMessage?: string) =>
      form.handleSubmit(async (values) => {
        const failure = await state.run(() => action(values), onDone, doneMessage);
        for (const detail of failure?.validationDetails ?? []) {
          const path = mapPath ? mapPath(detail.path) : detail.path;
          if (path)
            setError(path as Path<z.input<S>>, { type: detail.code, message: issueMessage(t, detail) });
        }
      }),
    [form, state, mapPath, setError, t],
  );
  const errors = flatten(form.formState.errors);
  return { ...form, submit, state, errors };
}
