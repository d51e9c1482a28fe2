import type { FastifyInstance } from 'fastify';
import { addWorkingDays } from '../../../shared/calendar.js';
import { instantToLocal } from '../../../shared/zoned-time.js';
import type { Db } from '../../db/client.js';
import { runEveryMinute } from '../../every-minute.js';
import { officeCard, productionCalendar } from '../network/network.service.js';
import { retryDelaySeconds } from '../notifications/retry-backoff.js';
import { type AgencyAdapter, AgencyError, httpAgencyAdapter } from './agency-adapter.js';
import { caseSettingsOf } from './case-settings.js';
import { appendCaseEvents } from './case-trail.js';
import { lockCaseInScope } from './cases.service.js';
import { type ClaimedRequest, claimDue, lockClaimed, updateRequest } from './requests.repository.js';
import { attachAnswer, endRequestSuspension, type RequestDeps } from './requests.service.js';

/**
 * The interagency requests' worker, each minute on every instance that runs it (CASE_REQUESTS=on): sends
 * the queued requests through the agency adapter — a failure that may pass is retried with exponential
 * backoff up to case_settings.request_attempt_limit, one that will not fails the request at once — and
 * polls the sent ones for their answer. Rows are claimed with SKIP LOCKED, so instances share the work;
 * each outcome is written with the case's trail in one transaction, the case locked first.
 */

export type WorkerDeps = RequestDeps & { adapter: AgencyAdapter; random?: () => number };

export type WorkerReport = {
  sent: number;
  retried: number;
  failed: number;
  answered: number;
  pending: number;
};

/** How long a claimed request is held by this worker before another may take it. */
const HOLD_MS = 5 * 60_000;
/** How often a sent request is asked for its answer. */
const POLL_MS = 60_000;
/** The backoff of sends: 1, 2, 4… minutes, at most an hour (with jitter). */
const backoff = { baseSeconds: 60, capSeconds: 3600 };
const BATCH = 20;

const system = null;

const shortError = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 300);

/** One run: sends what is due, then polls what is due. */
export async function runAgencyRequests(deps: WorkerDeps): Promise<WorkerReport> {
  const report: WorkerReport = { sent: 0, retried: 0, failed: 0, answered: 0, pending: 0 };
  const holdUntil = new Date(deps.now.getTime() + HOLD_MS);
  const queued = await claimDue(deps.db, { status: 'queued', now: deps.now, holdUntil, limit: BATCH });
  for (const claimed of queued) {
    try {
      const { externalId } = await deps.adapter.send({
        id: claimed.id,
        agency: claimed.agencyCode,
        subject: claimed.subject,
        caseNumber: claimed.caseNumber,
        office: claimed.officeCode,
      });
      if (await recordSent(deps, claimed, externalId)) report.sent++;
    } catch (err) {
      const retryable = !(err instanceof AgencyError) || err.retryable;
      const outcome = await recordFailure(deps, claimed, shortError(err), retryable);
      if (outcome === 'retry') report.retried++;
      if (outcome === 'failed') report.failed++;
    }
  }
  const sent = await claimDue(deps.db, {
    status: 'sent',
    now: deps.now,
    holdUntil: new Date(deps.now.getTime() + POLL_MS),
    limit: BATCH,
  });
  for (const claimed of sent) {
    if (!claimed.externalId) continue;
    try {
      const result = await deps.adapter.poll(claimed.externalId);
      if (result.status === 'pending') report.pending++;
      else if (await recordAnswer(deps, claimed, result.answer)) report.answered++;
    } catch (err) {
      // asked again at the next poll; the error is kept on the request for the staff's list
      await deps.db.transaction(async (tx) => {
        if (await lockClaimed(tx, claimed))
          await updateRequest(tx, claimed.id, { lastError: shortError(err) });
      });
      report.pending++;
    }
  }
  return report;
}

async function sentOn(db: Db, office: string, now: Date): Promise<string> {
  const zone = (await officeCard(db, office))?.timeZone ?? 'UTC';
  return instantToLocal(now.getTime(), zone).date;
}

async function recordSent(deps: WorkerDeps, claimed: ClaimedRequest, externalId: string): Promise<boolean> {
  const settings = await caseSettingsOf(deps.db);
  const cal = await productionCalendar(deps.db);
  const day = await sentOn(deps.db, claimed.officeCode, deps.now);
  const answerDue = addWorkingDays(cal, day, settings.requestAnswerDays);
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseInScope(tx, claimed.caseId, 'region');
    if (!(await lockClaimed(tx, claimed))) return false;
    await updateRequest(tx, claimed.id, {
      status: 'sent',
      sentAt: deps.now.toISOString(),
      externalId,
      answerDue,
      lastError: null,
      nextAttemptAt: new Date(deps.now.getTime() + POLL_MS).toISOString(),
    });
    await appendCaseEvents(
      tx,
      row,
      [
        {
          kind: 'request_sent',
          actor: system,
          office: row.officeCode,
          details: {
            request: claimed.id,
            agency: claimed.agencyCode,
            externalId,
            attempt: claimed.attempts,
            answerDue,
            adapter: deps.adapter.name,
          },
        },
      ],
      deps.now,
    );
    return true;
  });
}

/**
 * A send that failed: tried again later (backoff) while attempts are left and it may pass; else the request
 * fails and the suspension it put on the case ends (nothing is pending any more: staff decide what next).
 */
async function recordFailure(
  deps: WorkerDeps,
  claimed: ClaimedRequest,
  error: string,
  retryable: boolean,
): Promise<'retry' | 'failed' | null> {
  const settings = await caseSettingsOf(deps.db);
  const exhausted = claimed.attempts >= settings.requestAttemptLimit;
  const final = !retryable || exhausted;
  const retryAt = new Date(
    deps.now.getTime() + retryDelaySeconds(claimed.attempts, backoff, deps.random) * 1000,
  );
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseInScope(tx, claimed.caseId, 'region');
    const locked = await lockClaimed(tx, claimed);
    if (!locked) return null;
    const updated = await updateRequest(tx, claimed.id, {
      status: final ? 'failed' : 'queued',
      lastError: exhausted && retryable ? `attempts used up: ${error}` : error,
      nextAttemptAt: (final ? deps.now : retryAt).toISOString(),
    });
    const head = await appendCaseEvents(
      tx,
      row,
      [
        {
          kind: 'request_failed',
          actor: system,
          office: row.officeCode,
          details: {
            request: claimed.id,
            agency: claimed.agencyCode,
            attempt: claimed.attempts,
            error,
            retryable,
            final,
            ...(final ? {} : { nextAttemptAt: retryAt.toISOString() }),
          },
        },
      ],
      deps.now,
    );
    if (final) await endRequestSuspension(tx, deps, updated, { ...row, ...head }, system);
    return final ? 'failed' : 'retry';
  });
}

async function recordAnswer(
  deps: WorkerDeps,
  claimed: ClaimedRequest,
  answer: { text: string; reference: string | null },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseInScope(tx, claimed.caseId, 'region');
    const locked = await lockClaimed(tx, claimed);
    if (!locked) return false;
    await attachAnswer(tx, deps, locked, row, { ...answer, via: 'adapter' }, system);
    return true;
  });
}

/**
 * The worker on this instance: each minute when CASE_REQUESTS=on and AGENCY_GATEWAY_URL names the gateway
 * (without one, requests wait and staff type the answers).
 */
export function registerAgencyRequests(app: FastifyInstance): void {
  const { config } = app.deps;
  if (!config.caseRequests || !config.agencyGatewayUrl) return;
  const adapter = httpAgencyAdapter(config.agencyGatewayUrl);
  runEveryMinute(app, 'interagency requests', () =>
    runAgencyRequests({
      db: app.deps.database.db,
      cipher: app.personalData,
      outbox: () => app.outbox.deps(),
      now: app.deps.clock?.() ?? new Date(),
      adapter,
    }),
  );
}
