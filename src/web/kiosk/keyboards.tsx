/**
 * On-screen keyboards of the kiosk (no physical keyboard in a hall): the Russian ЙЦУКЕН layout for the
 * search, the enrollment code's alphabet, and a numeric keypad for a phone number. Every key is a button
 * of at least 64 px; each names what it types for a screen reader.
 */
import { useT } from '../app/i18n/index.js';

const russianRows = ['ЙЦУКЕНГШЩЗХЪ', 'ФЫВАПРОЛДЖЭ', 'ЯЧСМИТЬБЮЁ'];

function Keys({ rows, onKey }: { rows: string[]; onKey: (key: string) => void }) {
  return rows.map((row) => (
    <div className="kiosk-keys-row" key={row}>
      {[...row].map((key) => (
        <button type="button" className="kiosk-key" key={key} onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
    </div>
  ));
}

/** Letters, a space and a backspace: `onChange` gets the new text. */
export function LetterKeyboard(props: {
  value: string;
  onChange: (value: string) => void;
  rows?: string[];
  space?: boolean;
  maxLength?: number;
}) {
  const { t } = useT();
  const max = props.maxLength ?? 60;
  const type = (key: string) => {
    if (props.value.length < max) props.onChange(props.value + key);
  };
  return (
    <fieldset className="kiosk-keyboard">
      <legend className="visually-hidden">{t('kiosk.keyboard')}</legend>
      <Keys rows={props.rows ?? russianRows} onKey={type} />
      <div className="kiosk-keys-row">
        {props.space !== false && (
          <button type="button" className="kiosk-key kiosk-key-wide" onClick={() => type(' ')}>
            {t('kiosk.space')}
          </button>
        )}
        <button
          type="button"
          className="kiosk-key kiosk-key-wide"
          onClick={() => props.onChange(props.value.slice(0, -1))}
        >
          ⌫ {t('kiosk.backspace')}
        </button>
        <button type="button" className="kiosk-key kiosk-key-wide" onClick={() => props.onChange('')}>
          {t('kiosk.clear')}
        </button>
      </div>
    </fieldset>
  );
}

/** Digits 0–9, a backspace and «Очистить» for up to `maxLength` digits. */
export function NumericKeypad(props: {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}) {
  const { t } = useT();
  const type = (digit: string) => {
    if (props.value.length < props.maxLength) props.onChange(props.value + digit);
  };
  return (
    <fieldset className="kiosk-keypad">
      <legend className="visually-hidden">{t('kiosk.keyboard')}</legend>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
        <button type="button" className="kiosk-key" key={d} onClick={() => type(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="kiosk-key" onClick={() => props.onChange('')}>
        {t('kiosk.clear')}
      </button>
      <button type="button" className="kiosk-key" onClick={() => type('0')}>
        0
      </button>
      <button
        type="button"
        className="kiosk-key"
        aria-label={t('kiosk.backspace')}
        onClick={() => props.onChange(props.value.slice(0, -1))}
      >
        ⌫
      </button>
    </fieldset>
  );
}
