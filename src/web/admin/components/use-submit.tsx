/**
 * One action of a form or a button, as a TanStack mutation: `const save = useSubmit()`;
 * `save.run(() => adminApi.x(...), onDone)` keeps busy / field errors / a general error / «Сохранено»,
 * and <SubmitStatus state={save} /> shows them (role=status for success, role=alert for failure).
 * The cache is updated by the API client (admin/api.ts) once the server said yes, not here.
 * Forms with fields use useZodForm (use-zod-form.ts), which runs its submit through this hook.
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../app/api.js';
import { useT } from '../../app/i18n/index.js';
import { issueMessage } from '../../app/issues.js';
import { type FieldErrors, fieldErrorsOf } from './errors.js';

export type SubmitState = {
  busy: boolean;
  errors: FieldErrors;
  error: ApiError | null;
  done: string | null;
  /** Runs the action; resolves to null once it succeeded, else to its error (also kept in the state). */
  run: <T>(
    action: () => Promise<T>,
    onDone?: (result: T) => void,
    doneMessage?: string,
  ) => Promise<ApiError | null>;
  clear: () => void;
};

export function useSubmit(mapPath?: (path: string) => string | null): SubmitState {
  const { t } = useT();
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation<unknown, ApiError, () => Promise<unknown>>({
    mutationFn: (action) => action(),
  });
  const { mutateAsync, reset } = mutation;
  const savedText = t('admin.saved');
  const run = useCallback(
    async <T,>(action: () => Promise<T>, onDone?: (result: T) => void, doneMessage?: string) => {
      setDone(null);
      try {
        const result = (await mutateAsync(action)) as T;
        onDone?.(result);
        setDone(doneMessage ?? savedText);
        return null;
      } catch (failure) {
        // the mutation keeps the error too: SubmitStatus shows it
        return failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      }
    },
    [mutateAsync, savedText],
  );
  const clear = useCallback(() => {
    setDone(null);
    reset();
  }, [reset]);
  const error =
    mutation.error === null
      ? null
      : mutation.error instanceof ApiError
        ? mutation.error
        : new ApiError(0, 'CLIENT', String(mutation.error));
  const errors = useMemo(() => fieldErrorsOf(error, t, mapPath), [error, t, mapPath]);
  return { busy: mutation.isPending, errors, error, done, run, clear };
}

export function SubmitStatus({ state, testId }: { state: SubmitState; testId?: string }) {
  const { t } = useT();
  if (state.done)
    return (
      <p className="notice notice-ok" role="status" data-testid={testId}>
        {state.done}
      </p>
    );
  if (!state.error) return null;
  const { status, code } = state.error;
  const details = state.error.validationDetails;
  const text =
    status === 403
      ? t('admin.forbidden')
      : status === 409
        ? t('admin.conflict')
        : status === 400 && Object.keys(state.errors).length > 0
          ? t('admin.invalid')
          : status === 400 && details.length > 0
            ? issueMessage(t, details[0])
            : t('admin.saveFailed');
  return (
    <p className="notice notice-error" role="alert" data-error-code={code} data-testid={testId}>
      {text}
    </p>
  );
}
