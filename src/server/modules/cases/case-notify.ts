import { issuedStage, readyStage, stageWords } from '../../../shared/case-route.js';
import type { Db } from '../../db/client.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { messageContextFor } from '../notifications/message-context.js';
import { enqueueNotification, type OutboxDeps } from '../notifications/outbox.enqueue.js';
import { notifyCaseRating } from '../quality/rating-notify.js';
import { applicantContacts } from './case-applicant.js';
import type { CaseApplicantRow, CaseRow } from './cases.schema.js';

type NotifyDeps = { cipher: PersonalDataCipher; outbox: () => OutboxDeps };

/**
 * Tells the applicant about a stage the case reached, in the change's transaction (through the outbox):
 * `case.result_ready` when the result is at the office; `case.stage` for the card's stages marked `notify`
 * and for a refusal. SMS only with consent to SMS, e-mail only with consent to e-mail; no PIN, nothing
 * personal but the name. The result issued asks the applicant to rate the service (`case.rating`, issue 12).
 * Returns whether a message was queued.
 */
export async function notifyStage(
  tx: Db,
  deps: NotifyDeps,
  row: CaseRow,
  applicant: CaseApplicantRow,
  stage: string,
): Promise<boolean> {
  if (stage === issuedStage) {
    if (!applicant.phoneHash && !applicant.maskedEmail) return false;
    const contacts = applicantContacts(applicant, deps.cipher);
    const queued = await notifyCaseRating(tx, deps, row, {
      phone: contacts.phone,
      email: contacts.consentEmail ? contacts.email : null,
      name: contacts.name,
      locale: contacts.locale,
      smsConsent: contacts.consentSms,
    });
    return queued.length > 0;
  }
  const words = stageWords(row.card.stages, stage);
  if (!words) return false;
  const event = stage === readyStage ? 'case.result_ready' : words.notify ? 'case.stage' : null;
  if (!event) return false;
  if (!applicant.phoneHash && !applicant.maskedEmail) return false;
  const contacts = applicantContacts(applicant, deps.cipher);
  const outbox = deps.outbox();
  const context = await messageContextFor(tx, { officeCode: row.officeCode, serviceCode: row.serviceCode });
  const result = await enqueueNotification(tx, outbox, {
    event,
    recipient: {
      phone: contacts.phone,
      email: contacts.consentEmail ? contacts.email : null,
      name: contacts.name,
      locale: contacts.locale,
      smsConsent: contacts.consentSms,
    },
    context: {
      ...context,
      // the card as frozen into the case names the service
      service: {
        ...(context.service ?? { documents: [] }),
        title: row.card.title,
        shortTitle: row.card.shortTitle,
      },
      caseNumber: row.number,
      stage: { title: words.title, citizenText: words.citizenText },
      link: `${outbox.publicUrl}/status?number=${row.number}`,
    },
    officeCode: row.officeCode,
    about: { kind: 'case', ref: row.number },
  });
  return result.queued.length > 0;
}

/** `case.return_soon`: the result waits at the office until `until` (the last day of its storage). */
export async function notifyReturnSoon(
  tx: Db,
  deps: NotifyDeps,
  row: CaseRow,
  applicant: CaseApplicantRow,
  until: string,
  timeZone: string,
): Promise<boolean> {
  if (!applicant.phoneHash && !applicant.maskedEmail) return false;
  const contacts = applicantContacts(applicant, deps.cipher);
  const outbox = deps.outbox();
  const context = await messageContextFor(tx, { officeCode: row.officeCode, serviceCode: row.serviceCode });
  const result = await enqueueNotification(tx, outbox, {
    event: 'case.return_soon',
    recipient: {
      phone: contacts.phone,
      email: contacts.consentEmail ? contacts.email : null,
      name: contacts.name,
      locale: contacts.locale,
      smsConsent: contacts.consentSms,
    },
    context: {
      ...context,
      timeZone,
      caseNumber: row.number,
      at: new Date(`${until}T18:00:00Z`).toISOString(),
      link: `${outbox.publicUrl}/status?number=${row.number}`,
    },
    officeCode: row.officeCode,
    about: { kind: 'case', ref: row.number },
  });
  return result.queued.length > 0;
}
