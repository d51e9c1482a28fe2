/**
 * Message types derived from the Russian messages: `MessageKey` (a plain string message) and
 * `PluralKey` (a message with plural forms). Every language is a `Messages` object.
 */
import type { ru } from './ru/index.js';

export type PluralForms = {
  one: string;
  other: string;
  few?: string;
  many?: string;
  zero?: string;
  two?: string;
};

/** A language's section typed from the Russian one: the same keys, strings for strings, plural forms for plurals. */
export type Section<R> = { [K in keyof R]: R[K] extends string ? string : PluralForms };

type Ru = typeof ru;
export type Messages = { [K in keyof Ru]: Ru[K] extends string ? string : PluralForms };
export type MessageKey = { [K in keyof Ru]: Ru[K] extends string ? K : never }[keyof Ru];
export type PluralKey = { [K in keyof Ru]: Ru[K] extends string ? never : K }[keyof Ru];
export type Lang = 'ru' | 'en';
