/**
 * The web app's API client: typed wrappers over fetch returning the shared contract types
 * (src/shared/*; types only — no server code and no zod in the bundle).
 * - `api.services({ q, category })`, `api.office(code)`, … — one function per public route;
 * - a non-2xx answer throws `ApiError` carrying the status and the `{ error: { code, message } }` code
 *   (`NETWORK` when the server could not be reached);
 * - `useApi(load, deps)` runs a loader in a component: `{ data, error, loading, reload }`, cancelling
 *   the request when deps change or the component unmounts.
 * Add routes here as modules land (booking, cases…), next to the ones below.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Agency, Category, ServiceCard, ServicesPage, Situation } from '../../shared/catalog.js';
import type { District, OfficeDetail, OfficeKind, OfficeSummary } from '../../shared/network.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`, e.g. `[{ field: 'body.hours.0.closes', message }]` for a 400. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

/** The signed-in session's CSRF token (set by the staff auth context); sent on every mutating request. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** `?a=1&b=x` from the defined, non-empty params. */
export function queryString(params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function request<T>(
  method: string,
  path: string,
  options: { params?: Params; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(options.params)}`, {
      method,
      signal: options.signal,
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'network error');
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_ERROR',
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return body as T;
}

const get = <T>(path: string, params?: Params, signal?: AbortSignal) =>
  request<T>('GET', path, { params, signal });
const segment = (code: string) => encodeURIComponent(code);

export type ServicesParams = {
  q?: string;
  category?: string;
  agency?: string;
  situation?: string;
  office?: string;
  page?: number;
  limit?: number;
};
export type OfficesParams = { district?: string; kind?: OfficeKind; service?: string; openNow?: boolean };

export const api = {
  services: (params: ServicesParams, signal?: AbortSignal) =>
    get<ServicesPage>('/api/services', params, signal),
  service: (code: string, signal?: AbortSignal) =>
    get<ServiceCard>(`/api/services/${segment(code)}`, undefined, signal),
  agencies: (signal?: AbortSignal) => get<Agency[]>('/api/agencies', undefined, signal),
  categories: (signal?: AbortSignal) => get<Category[]>('/api/categories', undefined, signal),
  situations: (signal?: AbortSignal) => get<Situation[]>('/api/situations', undefined, signal),
  districts: (signal?: AbortSignal) => get<District[]>('/api/districts', undefined, signal),
  offices: (params: OfficesParams, signal?: AbortSignal) =>
    get<OfficeSummary[]>('/api/offices', { ...params, openNow: params.openNow ? 'true' : undefined }, signal),
  office: (code: string, signal?: AbortSignal) =>
    get<OfficeDetail>(`/api/offices/${segment(code)}`, undefined, signal),
};

export type ApiState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

/**
 * Loads data for a component. `load` gets an AbortSignal; it reruns when `deps` change (list what the
 * loader reads, like useEffect). The previous data stays visible while the next load runs.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the loader reads in deps
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error));
        setState({ error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
