/**
 * How the case screens read the API's values: dates (the office's local dates as they are), instants on
 * the office's clock (its time zone, not this computer's), the due date with the days left, overdue or
 * paused, the channel and document forms in words, and a refusal in words (`caseErrorText`: an invalid
 * transition names the stages that are allowed instead), never the server's English.
 */
import { useMemo } from 'react';
import type { Case, CaseChannel } from '../../shared/cases.js';
import type { ApiError } from '../app/api.js';
import { type Translator, useT } from '../app/i18n/index.js';
import { issueMessage } from '../app/issues.js';

type Details = { stage?: unknown; allowed?: unknown };

/**
 * A refused or failed case action in the user's words. `stageTitle` names a stage code of the case's route
 * (the allowed transitions of a 409 are codes).
 */
export function caseErrorText(
  t: Translator['t'],
  error: ApiError,
  stageTitle: (code: string) => string = (code) => code,
): string {
  const details = (error.details && typeof error.details === 'object' ? error.details : {}) as Details;
  switch (error.code) {
    case 'INVALID_TRANSITION': {
      if (typeof details.stage !== 'string') return t('cases.err.TICKET');
      const allowed = Array.isArray(details.allowed)
        ? details.allowed.flatMap((a) => (typeof a === 'string' ? [`«${stageTitle(a)}»`] : []))
        : [];
      const head = t('cases.err.INVALID_TRANSITION', { stage: stageTitle(details.stage) });
      return `${head} ${allowed.length > 0 ? t('cases.err.allowed', { stages: allowed.join(', ') }) : t('cases.err.noneAllowed')}`;
    }
    case 'SERVICE_NOT_OFFERED':
    case 'NO_WINDOW':
      return t(`cases.err.${error.code}`);
    case 'VALIDATION': {
      const [first] = error.validationDetails;
      return first ? issueMessage(t, first) : t('cases.err.invalid');
    }
  }
  if (error.status === 0) return t('cases.err.NETWORK');
  if (error.status === 403) return t('cases.err.FORBIDDEN');
  if (error.status === 404) return t('cases.err.NOT_FOUND');
  return t('cases.err.other');
}

export function CaseError({
  error,
  testId,
  stageTitle,
  text,
}: {
  error: ApiError | null;
  testId?: string;
  stageTitle?: (code: string) => string;
  /** Words that replace the general ones (a form whose fields show the problems). */
  text?: string;
}) {
  const { t } = useT();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert" data-error-code={error.code} data-testid={testId}>
      {text ?? caseErrorText(t, error, stageTitle)}
    </p>
  );
}

/** The case screens' words for one office: `timeZone` is the office's (null until it is known). */
export function useCaseWords(timeZone?: string | null) {
  const translator = useT();
  const { t, tn, locale, date } = translator;
  return useMemo(() => {
    const clock = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: timeZone ?? undefined,
    });
    const dayOf = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: timeZone ?? undefined,
    });
    return {
      ...translator,
      /** An instant on the office's clock: «12.01.2026, 09:42». */
      at: (iso: string) => clock.format(new Date(iso)),
      /** The office's date of an instant, in words: «12 января». */
      dayOf: (iso: string) => date(dayOf.format(new Date(iso))),
      channel: (channel: CaseChannel) => t(`cases.channel.${channel}`),
      form: (form: 'original' | 'copy') => t(`cases.form.${form}`),
      /** «осталось 2 рабочих дня», «просрочено на 1 рабочий день», «срок приостановлен с 12 января»… */
      due: (c: Pick<Case, 'daysLeft' | 'overdue' | 'pausedSince' | 'resultAt'>) => {
        if (c.pausedSince) return t('cases.due.paused', { date: date(c.pausedSince.slice(0, 10)) });
        if (c.resultAt) return t('cases.due.met', { date: date(dayOf.format(new Date(c.resultAt))) });
        if (c.daysLeft === null) return c.overdue ? t('cases.due.overdueShort') : '';
        if (c.daysLeft < 0) return tn('cases.due.overdue', -c.daysLeft);
        if (c.daysLeft === 0) return c.overdue ? t('cases.due.overdueShort') : t('cases.due.today');
        return tn('cases.due.left', c.daysLeft);
      },
    };
  }, [translator, t, tn, locale, date, timeZone]);
}

export type CaseWords = ReturnType<typeof useCaseWords>;
