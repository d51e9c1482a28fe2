import type { Locale } from '../../../../shared/notifications.js';
import { en } from './texts.en.js';
import type { Texts } from './texts.js';
import { ru } from './texts.ru.js';

const byLocale: Record<Locale, Texts> = { ru, en };

/** The texts of a locale; Russian, the default language, for a locale okno does not have. */
export const textsOf = (locale: Locale): Texts => byLocale[locale] ?? ru;
