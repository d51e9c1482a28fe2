/** English messages of a case's status (keys: ../ru/status.ts). Typed from the Russian section. */
import type { Section } from '../messages.js';
import type { status as ru } from '../ru/status.js';

export const status: Section<typeof ru> = {
  'nav.status': 'Case status',
  'status.cta': 'Check a case',
  'status.ctaHint': 'The case number and the PIN are on the receipt the office gave you.',

  'status.title': 'Case status',
  'status.meta':
    'See the stage of your case, when the result will be ready and where to collect it: the case number and the PIN from your receipt.',
  'status.intro':
    'Enter the case number and the PIN from the receipt the office gave you with your documents.',
  'status.number': 'Case number',
  'status.numberHint': 'Printed on the receipt, e.g. 48-2026-0001234.',
  'status.pin': 'PIN',
  'status.pinHint': '6 digits, printed on the receipt under the case number.',
  'status.find': 'Check status',
  'status.err.required': 'Fill in this field.',
  'status.err.number': 'A case number looks like 48-2026-0001234.',
  'status.err.pin': 'The PIN is 6 digits.',
  'status.notFound': 'No case found, or the PIN is wrong. Check the case number and the PIN on your receipt.',
  'status.rateLimited': 'Too many attempts in a row. Please try again later.',
  'status.failed': 'Could not reach the server. Check your connection and try again.',
  'status.retry': 'Try again',
  'status.other': 'Check another case',

  'status.heading': 'Case No. {number}',
  'status.service': 'Service',
  'status.agency': 'Agency',
  'status.now': 'Now',
  'status.accepted': 'Documents accepted',
  'status.due': 'Result expected on',
  'status.paused':
    'The term is paused since {date}: we are waiting for documents from you or an answer from another agency. A new date will appear when the work resumes.',
  'status.collect': 'Where to collect the result',
  'status.until': 'The result is kept at the office until {date} inclusive.',
  'status.ready': 'The result is ready. Bring your passport and the receipt to the office.',
  'status.issued': 'The result was handed over. The case is closed.',
  'status.ended': 'The case is closed.',
  'status.timeline': 'Stages',
  'status.step.passed': 'done {date}',
  'status.step.current': 'now, since {date}',
  'status.step.upcoming': 'to come',
  'status.step.skipped': 'not needed',

  'kioskStatus.start': 'Check a case',
  'kioskStatus.title': 'Case status',
  'kioskStatus.lead': 'Hold the receipt’s QR code to the scanner, or type the case number and the PIN.',
  'kioskStatus.number': 'Case number',
  'kioskStatus.pin': 'PIN',
  'kioskStatus.toPin': 'Next: PIN',
  'kioskStatus.toNumber': 'Change the number',
  'kioskStatus.submit': 'Check status',
  'kioskStatus.busy': 'Looking for the case…',
  'kioskStatus.unreadable':
    'The number is not recognised. A case number has 13 digits, e.g. 48-2026-0001234.',
  'kioskStatus.another': 'Another case',
  'kioskStatus.done': 'Done',

  'ccCases.title': 'Cases',
  'ccCases.none': 'No cases for this phone number.',
  'ccCases.masked':
    'Case numbers and applicants are hidden until the caller answers the verification question.',
  'ccCases.full': 'Cases shown in full: the caller is verified, the view is logged.',
  'ccCases.search': 'A case by number',
  'ccCases.searchLabel': 'Case number',
  'ccCases.find': 'Find the case',
  'ccCases.notFound': 'No case with this number.',
  'ccCases.badNumber': 'A case number looks like 48-2026-0001234.',
  'ccCases.applicant': 'Applicant',
  'ccCases.phone': 'Phone',
  'ccCases.email': 'E-mail',
  'ccCases.due': 'Due',
  'ccCases.office': 'Office',
  'ccCases.stage': 'Stage',
};
