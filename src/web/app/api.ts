/**
 * The web app's API client: typed wrappers over fetch returning the shared contract types
 * (src/shared/*: types by z.infer; the forms import the schemas themselves — never server code).
 * - `api.services({ q, category })`, `api.office(code)`, … — one function per public route;
 * - a non-2xx answer throws `ApiError` carrying the status and the `{ error: { code, message } }` code
 *   (`NETWORK` when the server could not be reached);
 * Components do not call it directly: they read through TanStack Query (portal/queries.ts,
 * admin/queries.ts), which caches, de-duplicates and refetches; the signal is the query's.
 * Add routes here as modules land (booking, cases…), next to the ones below.
 */
import type { Agency, Category, ServiceCard, ServicesPage, Situation } from '../../shared/catalog.js';
import type { ValidationDetail } from '../../shared/errors.js';
import type { District, OfficeDetail, OfficeSummary } from '../../shared/network.js';
import type { BoardState, OfficeLoad, PublicTicket } from '../../shared/queue.js';
import type { OfficesParams, ServicesParams } from './query-keys.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`: for a 400 VALIDATION `[{ field, path, code, params?, message }]`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** The problems of a 400 VALIDATION, each with its field path, code and parameters (src/shared/errors.ts). */
  get validationDetails(): ValidationDetail[] {
    if (this.code !== 'VALIDATION' || !Array.isArray(this.details)) return [];
    return (this.details as Partial<ValidationDetail>[]).filter(
      (d): d is ValidationDetail => typeof d?.path === 'string' && typeof d.code === 'string',
    );
  }
}

export type Params = Record<string, string | number | boolean | null | undefined>;

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
  options: { params?: Params; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {},
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
        ...options.headers,
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

export type { OfficesParams, ServicesParams };

/**
 * The board's Server-Sent Events: from the call after `after` (GET /board's lastSeq) on the first connect;
 * without it, from now on (a page that only refetches on events).
 */
export const boardEventsUrl = (office: string, after?: number) =>
  `/api/offices/${segment(office)}/board/events${after === undefined ? '' : `?after=${after}`}`;

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
    get<OfficeSummary[]>('/api/offices', params, signal),
  office: (code: string, signal?: AbortSignal) =>
    get<OfficeDetail>(`/api/offices/${segment(code)}`, undefined, signal),
  /** Whether an e-mail's unsubscribe link is valid (404 when it is not), before asking the person. */
  unsubscribeLink: (token: string, signal?: AbortSignal) =>
    get<{ valid: true; channel: 'email' }>(
      `/api/notifications/unsubscribe/${segment(token)}`,
      undefined,
      signal,
    ),
  /** The display board when it opens; its live events come from `boardEventsUrl`. */
  board: (office: string, signal?: AbortSignal) =>
    get<BoardState>(`/api/offices/${segment(office)}/board`, undefined, signal),
  /** The ticket page's ticket (by its unguessable tracking code). */
  ticket: (track: string, signal?: AbortSignal) =>
    get<PublicTicket>(`/api/tickets/${segment(track)}`, undefined, signal),
  officeLoad: (office: string, signal?: AbortSignal) =>
    get<OfficeLoad>(`/api/offices/${segment(office)}/queue`, undefined, signal),
  /** The load of many offices at once (`offices` codes), or of those offering `service` with its own wait. */
  queueLoad: (params: { offices?: string; service?: string }, signal?: AbortSignal) =>
    get<OfficeLoad[]>('/api/queue/load', params, signal),
  unsubscribe: (token: string) =>
    request<{ ok: true }>('POST', `/api/notifications/unsubscribe/${segment(token)}`, { body: {} }),
};
