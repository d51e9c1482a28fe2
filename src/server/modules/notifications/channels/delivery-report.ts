import { z } from 'zod';
import type { NotificationsConfig } from '../../../config.js';
import { safeReason } from './reason.js';

/** A gateway's word on a message it took: found by the id it gave (`providerId` of the sent attempt). */
export type DeliveryReport = { providerId: string; status: 'delivered' | 'failed'; reason?: string };

export class DeliveryReportError extends Error {}

const jsonReportSchema = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(['delivered', 'failed']),
  reason: z.string().max(1000).optional(),
});

/**
 * The reports in one request of a gateway, in its format:
 * - `json`: `{ id, status: 'delivered' | 'failed', reason? }`, or an array of them;
 * - `smsru`: SMS.ru's callback, form fields `data[]` (or `data[0]`, `data[1]`…), each
 *   `sms_status\n<sms_id>\n<status_code>[\n<unix time>]`; entries of other kinds (SMS.ru sends a test
 *   entry when the callback is added) and statuses on the way (100–102) are skipped. The callback must be
 *   answered with the text `100`, or SMS.ru sends it again.
 * The body is the parsed JSON for `json`; for `smsru` the raw form text, its URLSearchParams, or the fields
 * as a form parser gives them. A body that is not the format throws DeliveryReportError.
 */
export function parseDeliveryReport(
  format: NotificationsConfig['smsGatewayFormat'],
  body: unknown,
): DeliveryReport[] {
  return format === 'json' ? parseJsonReports(body) : parseSmsRuReports(body);
}

function parseJsonReports(body: unknown): DeliveryReport[] {
  const parsed = z.union([jsonReportSchema, z.array(jsonReportSchema).max(1000)]).safeParse(body);
  if (!parsed.success) throw new DeliveryReportError('not a delivery report: { id, status, reason? }');
  return (Array.isArray(parsed.data) ? parsed.data : [parsed.data]).map((r) => ({
    providerId: r.id,
    status: r.status,
    ...(r.status === 'failed' ? { reason: r.reason ? safeReason(r.reason) : 'not delivered' } : {}),
  }));
}

/** SMS.ru's final statuses of a message; any other is on its way and reports nothing yet. */
const smsRuFinal: Record<number, string> = {
  103: 'delivered',
  104: 'expired: not delivered in time',
  105: 'deleted by the operator',
  106: 'phone failure',
  107: 'not delivered: unknown reason',
  108: 'rejected',
  150: 'no route to the number',
};

function parseSmsRuReports(body: unknown): DeliveryReport[] {
  const entries = smsRuEntries(body);
  if (entries.length === 0) throw new DeliveryReportError('not an SMS.ru callback: no data[] entries');
  const reports: DeliveryReport[] = [];
  for (const entry of entries) {
    const [kind, smsId, code] = entry.split(/\r?\n/).map((line) => line.trim());
    if (kind !== 'sms_status' || !smsId || !code) continue;
    const words = smsRuFinal[Number(code)];
    if (words === undefined) continue;
    reports.push(
      Number(code) === 103
        ? { providerId: smsId, status: 'delivered' }
        : { providerId: smsId, status: 'failed', reason: `sms.ru ${code} ${words}` },
    );
  }
  return reports;
}

function smsRuEntries(body: unknown): string[] {
  const form =
    typeof body === 'string' ? new URLSearchParams(body) : body instanceof URLSearchParams ? body : undefined;
  const pairs: [string, unknown][] = form
    ? [...form.entries()]
    : body && typeof body === 'object'
      ? Object.entries(body)
      : [];
  const entries: string[] = [];
  for (const [key, value] of pairs) {
    if (!/^data(\[\d*\])?$/.test(key)) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') entries.push(v);
    }
  }
  return entries.slice(0, 1000);
}
