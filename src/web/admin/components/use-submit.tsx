/**
 * One save action of a form: `const save = useSubmit()`; `save.run(() => adminApi.x(...), onDone)` keeps
 * busy / field errors / a general error / «Сохранено», and <SubmitStatus state={save} /> shows them
 * (role=status for success, role=alert for failure).
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../app/api.js';
import { useT } from '../../app/i18n/index.js';
import { type FieldErrors, fieldErrorsOf, knownMessage } from './errors.js';

export type SubmitState = {
  busy: boolean;
  errors: FieldErrors;
  error: ApiError | null;
  done: string | null;
  run: <T>(action: () => Promise<T>, onDone?: (result: T) => void, doneMessage?: string) => Promise<void>;
  clear: () => void;
};

export function useSubmit(): SubmitState {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const savedText = t('admin.saved');
  const run = useCallback(
    async <T,>(action: () => Promise<T>, onDone?: (result: T) => void, doneMessage?: string) => {
      setBusy(true);
      setDone(null);
      setError(null);
      setErrors({});
      try {
        const result = await action();
        onDone?.(result);
        setDone(doneMessage ?? savedText);
      } catch (failure) {
        const apiError = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
        setError(apiError);
        setErrors(fieldErrorsOf(apiError));
      } finally {
        setBusy(false);
      }
    },
    [savedText],
  );
  const clear = useCallback(() => {
    setDone(null);
    setError(null);
    setErrors({});
  }, []);
  return { busy, errors, error, done, run, clear };
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
  const { status, code, message } = state.error;
  const text =
    status === 403
      ? t('admin.forbidden')
      : status === 409
        ? t('admin.conflict')
        : status === 400 && Object.keys(state.errors).length > 0
          ? t('admin.invalid')
          : status === 400
            ? (knownMessage(message) && t(knownMessage(message)!)) || message
            : t('admin.saveFailed');
  return (
    <p className="notice notice-error" role="alert" data-error-code={code} data-testid={testId}>
      {text}
    </p>
  );
}
