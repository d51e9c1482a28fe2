/** The kiosk's language buttons (Russian by default): large enough for a finger, named in their own language. */
import { type Lang, languages, useLang, useT } from '../app/i18n/index.js';

export function KioskLanguage() {
  const { t } = useT();
  const [lang, setLang] = useLang();
  const names: Record<Lang, 'lang.ruName' | 'lang.enName'> = { ru: 'lang.ruName', en: 'lang.enName' };
  return (
    <fieldset className="kiosk-lang">
      <legend className="visually-hidden">{t('kiosk.language')}</legend>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="kiosk-button kiosk-button-small"
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
        >
          {t(names[option])}
        </button>
      ))}
    </fieldset>
  );
}
