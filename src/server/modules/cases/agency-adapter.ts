/**
 * How okno talks to an agency's system about an interagency request (СМЭВ-like): `send` hands the request
 * over and gets the agency's id of it; `poll` asks whether the answer is there. An adapter throws an
 * `AgencyError` that says whether trying again later may help (a gateway down, a timeout) or not (the
 * agency refused what was sent). The HTTP adapter speaks the protocol of `okno dev agency` (dev-agency.ts),
 * which stands in for the agencies in development and tests.
 */

export type OutgoingRequest = {
  /** okno's id of the request: the agency keeps it, so a send repeated after a lost answer is not doubled. */
  id: string;
  agency: string;
  subject: string;
  caseNumber: string;
  office: string;
};

export type AgencyAnswer = { text: string; reference: string | null };

export type PollResult = { status: 'pending' } | { status: 'answered'; answer: AgencyAnswer };

export type AgencyAdapter = {
  /** A name for the trail and the logs. */
  name: string;
  send(request: OutgoingRequest): Promise<{ externalId: string }>;
  poll(externalId: string): Promise<PollResult>;
};

export class AgencyError extends Error {
  constructor(
    message: string,
    /** Whether a later attempt may succeed (the service down) or not (the request refused). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

type Fetch = typeof fetch;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

const reasonOf = (status: number, body: unknown) =>
  `HTTP ${status}${isObject(body) && typeof body.error === 'string' ? `: ${body.error.slice(0, 200)}` : ''}`;

/** A failure status: 5xx, 408 and 429 may pass later; any other 4xx will not. */
const failure = (status: number, body: unknown) =>
  new AgencyError(reasonOf(status, body), status >= 500 || status === 408 || status === 429);

/**
 * The adapter over HTTP: `POST {base}/requests` `{id, agency, subject, case, office}` → 202 `{externalId}`;
 * `GET {base}/requests/{externalId}` → `{status: 'pending'}` or `{status: 'answered', answer: {text, reference}}`.
 */
export function httpAgencyAdapter(
  baseUrl: string,
  opts: { timeoutMs?: number; fetch?: Fetch } = {},
): AgencyAdapter {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;
  const call = async (path: string, init: RequestInit) => {
    try {
      return await doFetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new AgencyError(`the agency's gateway did not answer: ${(err as Error).message}`, true);
    }
  };
  return {
    name: 'http',
    async send(request) {
      const response = await call('/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: request.id,
          agency: request.agency,
          subject: request.subject,
          case: request.caseNumber,
          office: request.office,
        }),
      });
      const body = await bodyOf(response);
      if (!response.ok) throw failure(response.status, body);
      if (!isObject(body) || typeof body.externalId !== 'string' || body.externalId === '')
        throw new AgencyError('the agency answered without an id of the request', true);
      return { externalId: body.externalId };
    },
    async poll(externalId) {
      const response = await call(`/requests/${encodeURIComponent(externalId)}`, { method: 'GET' });
      const body = await bodyOf(response);
      if (!response.ok) throw failure(response.status, body);
      if (isObject(body) && body.status === 'pending') return { status: 'pending' };
      if (isObject(body) && body.status === 'answered' && isObject(body.answer)) {
        const { text, reference } = body.answer;
        if (typeof text === 'string')
          return {
            status: 'answered',
            answer: { text, reference: typeof reference === 'string' ? reference : null },
          };
      }
      throw new AgencyError('the agency’s answer is not in the expected form', true);
    },
  };
}
