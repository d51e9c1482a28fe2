/**
 * Words of the cases' lists: the work lists' names, the stages a search can pick (the codes the region's
 * cards use, then the two ends every route has), and dates — a case's calendar dates as they are (the
 * office's), an instant on the clock of the office it belongs to.
 */
import type { CaseWorkList } from '../../shared/cases.js';
import { type MessageKey, useT } from '../app/i18n/index.js';

export const workLists: CaseWorkList[] = ['to_send', 'overdue', 'due_soon', 'to_issue', 'suspended'];

const listKeys: Record<CaseWorkList, MessageKey> = {
  to_send: 'clist.list.to_send',
  overdue: 'clist.list.overdue',
  due_soon: 'clist.list.due_soon',
  to_issue: 'clist.list.to_issue',
  suspended: 'clist.list.suspended',
  open: 'clist.list.open',
};

const stageKeys = {
  accepted: 'clist.stage.accepted',
  sent: 'clist.stage.sent',
  registered: 'clist.stage.registered',
  smev: 'clist.stage.smev',
  review: 'clist.stage.review',
  processing: 'clist.stage.processing',
  decided: 'clist.stage.decided',
  ready: 'clist.stage.ready',
  issued: 'clist.stage.issued',
  refused: 'clist.stage.refused',
  returned: 'clist.stage.returned',
} satisfies Record<string, MessageKey>;

/** The stages offered by the search, in the order a case passes them. */
export const stageCodes = Object.keys(stageKeys) as (keyof typeof stageKeys)[];

export function useCaseListWords() {
  const { t, locale } = useT();
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    list: (list: CaseWorkList) => t(listKeys[list]),
    stage: (code: string) => (code in stageKeys ? t(stageKeys[code as keyof typeof stageKeys]) : code),
    /** A calendar date (YYYY-MM-DD, the office's) with its year. */
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    /** The date of an instant on the office's clock (UTC when the office is not known yet). */
    dayOf: (instant: string, timeZone = 'UTC') =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
        new Date(instant),
      ),
    /** An instant with its time, on the office's clock. */
    at: (instant: string, timeZone = 'UTC') =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      }).format(new Date(instant)),
  };
}
