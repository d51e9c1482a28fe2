/**
 * One action of the queue's consoles (a button: call next, start, open a window…) as a TanStack mutation:
 * `const act = useQueueAction(); act.run(() => queueApi.start(id), onDone)` keeps busy and the refusal,
 * shown in words by <QueueError error={act.error}/>. The cache is updated by the API client (api.ts).
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../app/api.js';

export type QueueAction = {
  busy: boolean;
  error: ApiError | null;
  run: <T>(action: () => Promise<T>, onDone?: (result: T) => void) => Promise<boolean>;
  clear: () => void;
};

export function useQueueAction(): QueueAction {
  const mutation = useMutation<unknown, ApiError, () => Promise<unknown>>({
    mutationFn: (action) => action(),
  });
  const { mutateAsync, reset } = mutation;
  const run = useCallback(
    async <T>(action: () => Promise<T>, onDone?: (result: T) => void) => {
      try {
        const result = (await mutateAsync(action)) as T;
        onDone?.(result);
        return true;
      } catch {
        // the mutation keeps the error: QueueError shows it
        return false;
      }
    },
    [mutateAsync],
  );
  const error =
    mutation.error === null
      ? null
      : mutation.error instanceof ApiError
        ? mutation.error
        : new ApiError(0, 'CLIENT', String(mutation.error));
  return { busy: mutation.isPending, error, run, clear: reset };
}
