import { z } from 'zod';
import { normalizePhone } from './contacts.js';

/** A Russian phone number in any usual spelling (+7…, 8…, spaces, brackets, dashes): refused with rule `phone`. */
export const phoneInputSchema = z
  .string()
  .trim()
  .max(40)
  .refine((value) => normalizePhone(value) !== null, {
    message: 'expected a Russian phone number: +7 and 10 digits, e.g. +7 912 345-67-89',
    params: { rule: 'phone' },
  });
