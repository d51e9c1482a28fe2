import { splitTicketNumber } from '../../../shared/queue.speech.js';
import { ticketLetter, ticketNumber } from './queue.settings.js';

const letters = { 'category:realty': 'Н', 'purpose:collect': 'В', default: 'Б' };

describe('ticketLetter', () => {
  it("takes the letter of the service's category first", () => {
    expect(ticketLetter(letters, { categoryCode: 'realty', purpose: 'collect' })).toBe('Н');
  });

  it('takes the letter of the purpose when the category has none', () => {
    expect(ticketLetter(letters, { categoryCode: 'family', purpose: 'collect' })).toBe('В');
    expect(ticketLetter(letters, { categoryCode: null, purpose: 'collect' })).toBe('В');
  });

  it('takes the default letter when neither has one', () => {
    expect(ticketLetter(letters, { categoryCode: 'family', purpose: 'consult' })).toBe('Б');
    expect(ticketLetter(letters, { categoryCode: null, purpose: null })).toBe('Б');
  });

  it('falls back to «А» with no letters configured', () => {
    expect(ticketLetter({}, { categoryCode: 'realty', purpose: 'collect' })).toBe('А');
    expect(ticketLetter({}, { categoryCode: null, purpose: null })).toBe('А');
  });

  it('does not read a category code as a purpose or the other way round', () => {
    expect(
      ticketLetter(
        { 'purpose:realty': 'Х', 'category:collect': 'Ж' },
        { categoryCode: 'realty', purpose: 'collect' },
      ),
    ).toBe('А');
  });
});

describe('ticketNumber', () => {
  it('pads the number to three digits after a hyphen', () => {
    expect(ticketNumber('А', 17)).toBe('А-017');
    expect(ticketNumber('Б', 1)).toBe('Б-001');
    expect(ticketNumber('В', 0)).toBe('В-000');
    expect(ticketNumber('Н', 999)).toBe('Н-999');
  });

  it('keeps every digit past 999', () => {
    expect(ticketNumber('А', 1000)).toBe('А-1000');
  });

  it('makes numbers the board can read back', () => {
    for (const [letter, seq] of [
      ['А', 17],
      ['Б', 5],
      ['Н', 1000],
    ] as const) {
      expect(splitTicketNumber(ticketNumber(letter, seq))).toEqual({ letter, digits: seq });
    }
  });
});
