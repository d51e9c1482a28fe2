/** English messages of the booking at the kiosk (keys: ../ru/kiosk-booking.ts). Typed from the Russian section. */

import type { Section } from '../messages.js';
import type { kioskBooking as ru } from '../ru/kiosk-booking.js';

export const kioskBooking: Section<typeof ru> = {
  'kioskBook.startQuestion': 'Appointments',
  'kioskCheckIn.start': 'I have a booking',
  'kioskBook.start': 'Book another day',
  'kioskCheckIn.title': 'I have a booking',
  'kioskCheckIn.lead':
    'Type the booking code (8 characters) on the keyboard below or hold the QR code of your booking to the scanner.',
  'kioskCheckIn.codeLabel': 'Booking code',
  'kioskCheckIn.submit': 'Get a ticket',
  'kioskCheckIn.busy': 'Checking the booking…',
  'kioskCheckIn.bookedAt': 'Booked for {time}',
  'kioskCheckIn.lateWalkIn': 'Your booked time has passed: a ticket for the general queue',
  'kioskCheckIn.tooEarly': 'Too early. Please come back to the kiosk at {time}.',
  'kioskCheckIn.tooEarlySoon': 'Too early. Please come back to the kiosk closer to your time.',
  'kioskCheckIn.tooLate':
    'Your booked time has passed. Take a ticket for the general queue on the first screen or book another time.',
  'kioskCheckIn.inactive': 'This booking was cancelled or its ticket has already been taken.',
  'kioskCheckIn.notFound': 'Booking not found. Please check the code.',
  'kioskCheckIn.unreadable':
    'The code was not recognised. A booking code is 8 Latin letters and digits, e.g. ACEF-3479.',
  'kioskCheckIn.closed': 'The office is not issuing tickets right now.',
  'kioskCheckIn.failed': 'The booking could not be checked. Please try again or ask the administrator.',
  'kioskBook.title': 'Book another day',
  'kioskBook.serviceLead': 'Choose a service: search for it by name or pick a section.',
  'kioskBook.day': 'Choose a day',
  'kioskBook.free': { one: '{n} free', other: '{n} free' },
  'kioskBook.full': 'fully booked',
  'kioskBook.noDays': 'No free time for this service in the next two weeks.',
  'kioskBook.time': 'Choose a time',
  'kioskBook.noTimes': 'No free time is left on this day. Choose another day.',
  'kioskBook.notBookable':
    'This service cannot be booked at this office. Take a ticket for the general queue.',
  'kioskBook.loadFailed': 'The free times could not be loaded. Please try again.',
  'kioskBook.name': 'What is your name?',
  'kioskBook.nameHint': 'First name and surname — you will be invited to the window by them.',
  'kioskBook.nameLabel': 'Name',
  'kioskBook.nameWrong': 'Please check the name.',
  'kioskBook.phone': 'Mobile phone number',
  'kioskBook.phoneHint': 'With the number and the booking code you can move or cancel the booking.',
  'kioskBook.phoneWrong': 'A mobile number is needed: +7 9XX XXX-XX-XX.',
  'kioskBook.confirm': 'Check your booking',
  'kioskBook.when': 'When',
  'kioskBook.change': 'Change',
  'kioskBook.consents': 'Consents',
  'kioskBook.consentPersonal':
    'I consent to the processing of my personal data (name and phone) for the booking',
  'kioskBook.consentSms':
    'Send me text messages about the booking: confirmation and a reminder the day before',
  'kioskBook.consentNeeded': 'A booking needs consent to the processing of personal data.',
  'kioskBook.submit': 'Book',
  'kioskBook.booking': 'Booking…',
  'kioskBook.taken': 'This time has been taken',
  'kioskBook.takenText': 'Someone took this time while you were choosing. The nearest free times:',
  'kioskBook.takenNone': 'Someone took this time while you were choosing. Choose another day.',
  'kioskBook.otherDay': 'Choose another day',
  'kioskBook.limitService':
    'This number already has a booking for this service. You can move it on the portal with the booking code.',
  'kioskBook.limitActive': 'This number already has the most bookings allowed. Cancel one of them first.',
  'kioskBook.phoneLimitedUntil':
    'Booking with this number is closed until {date}: several visits were missed. You can take a ticket for the general queue.',
  'kioskBook.phoneLimited':
    'Booking with this number is closed for a while: several visits were missed. You can take a ticket for the general queue.',
  'kioskBook.rateLimited': 'Too many attempts in a row. Please wait a minute and try again.',
  'kioskBook.timeGone': 'This time can no longer be chosen. Please choose another.',
  'kioskBook.failed': 'The booking failed. Please try again or ask the administrator.',
  'kioskBook.fix': 'Correct it',
  'kioskBook.done': 'You are booked',
  'kioskBook.code': 'Booking code',
  'kioskBook.keepCode': 'Keep the code: with it the kiosk gives you a ticket on the day.',
  'kioskBook.comeHint': 'On the day, the kiosk gives a ticket for this code from {from} until {until}.',
  'kioskBook.qr': 'QR code of the booking page: move or cancel it on your phone',
  'kioskBook.qrHint': 'Point your phone’s camera here to keep the booking: you can move or cancel it there.',
};
