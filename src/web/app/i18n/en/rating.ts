import type { Section } from '../messages.js';
import type { rating as ru } from '../ru/rating.js';

/** English messages of the citizen's rating (see ../ru/rating.ts). */
export const rating: Section<typeof ru> = {
  'rating.title': 'Rate the quality of service',
  'rating.meta': 'Rate your visit to the MFC or the service of your case: five questions, one minute.',
  'rating.visit': 'Visit to the office',
  'rating.case': 'Case No. {number}',
  'rating.aboutVisit': 'Visit on {date}: {office}',
  'rating.aboutCase': 'Documents accepted on {date}: {office}',
  'rating.lead': 'Please rate each of the five criteria. It takes a minute.',
  'rating.criterion.time': 'Time it took to provide the service',
  'rating.criterion.waiting': 'Waiting time in the queue',
  'rating.criterion.staff': 'Courtesy and competence of the staff',
  'rating.criterion.comfort': 'Comfort of the premises',
  'rating.criterion.information': 'Accessibility of information about the service',
  'rating.score.1': 'very poor',
  'rating.score.2': 'poor',
  'rating.score.3': 'fair',
  'rating.score.4': 'good',
  'rating.score.5': 'excellent',
  'rating.comment': 'Comment (optional)',
  'rating.commentHint':
    'What went well or what should be fixed. If you chose “poor” or “very poor” and say what happened, the head of the office will look into it and answer you.',
  'rating.keyboardOpen': 'Write a comment',
  'rating.keyboardClose': 'Hide the keyboard',
  'rating.submit': 'Send the rating',
  'rating.sending': 'Sending…',
  'rating.missing': 'Please rate all five criteria: not chosen — {list}.',
  'rating.thanks': 'Thank you for your rating!',
  'rating.thanksText': 'Your rating helps the MFC do better.',
  'rating.followUp':
    'We are sorry not everything went well. Your comment has been passed to the head of the office, who will look into it and answer you within 30 days.',
  'rating.already': 'This visit has already been rated',
  'rating.alreadyCase': 'This case has already been rated',
  'rating.alreadyText': 'A rating can be given once. Thank you for your time!',
  'rating.invalid': 'This rating link is not valid',
  'rating.invalidText':
    'Check that the link was copied in full, or scan the QR code on the ticket or the receipt again.',
  'rating.failed': 'The rating could not be sent. Check your internet connection and try again.',
  'rating.toHome': 'To the home page',

  'rating.rateVisit': 'Rate your visit',
  'rating.rateVisitHint': 'Five questions about how you were served. One minute.',
  'rating.rateCase': 'Rate',
  'rating.rateCaseHint': 'Rate the quality of service for this case.',

  'kioskRating.start': 'Rate the quality of service',
  'kioskRating.title': 'Rate the quality of service',
  'kioskRating.lead': 'Hold the QR code of your ticket to the scanner.',
  'kioskRating.field': 'Ticket QR code',
  'kioskRating.busy': 'Looking for the ticket…',
  'kioskRating.unreadable':
    'The QR code was not recognised. Hold the QR code printed on the ticket to the scanner.',
  'kioskRating.notFound': 'Ticket not found. Hold the QR code of a ticket issued today to the scanner.',
  'kioskRating.notFinished':
    'The visit on this ticket is not over yet. You can rate it once you have been served.',
  'kioskRating.ticketHint':
    'After your visit, rate it: hold this QR code to the kiosk scanner at the exit or open it on your phone.',
  'kioskRating.done': 'Done',
  'kioskRating.failed': 'Could not reach the server. Please try again.',
};
