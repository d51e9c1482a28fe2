import type { Term } from '../../../shared/case-deadline.js';
import type { RouteStage } from '../../../shared/case-route.js';
import type { publishedCardForCase } from '../catalog/services.lookup.js';

/**
 * The service's published card as a case keeps it from acceptance on (`cases.card`): a later edit of the
 * catalog changes neither the route, nor the term, nor the documents of a case already accepted.
 */
export type CaseCard = {
  version: number;
  title: string;
  shortTitle: string;
  agency: { code: string; name: string; shortName: string } | null;
  fee: number | null;
  term: Term;
  keepResultDays: number | null;
  documents: { name: string; required: boolean; form: string }[];
  results: string[];
  stages: RouteStage[];
};

type Published = NonNullable<Awaited<ReturnType<typeof publishedCardForCase>>>;

/** Cards without a term are refused at acceptance; so are cards without stages. */
export function freezeCard(found: Published): CaseCard | null {
  if (found.termDays === null || found.termKind === null || found.stages.length === 0) return null;
  return {
    version: found.version,
    title: found.title,
    shortTitle: found.shortTitle,
    agency:
      found.agencyCode && found.agencyShortName
        ? {
            code: found.agencyCode,
            name: found.agencyName ?? found.agencyShortName,
            shortName: found.agencyShortName,
          }
        : null,
    fee: found.feeAmount,
    term: { days: found.termDays, kind: found.termKind },
    keepResultDays: found.keepResultDays,
    documents: found.documents.map((d) => ({ name: d.name, required: d.required, form: d.form })),
    results: found.results,
    stages: found.stages.map((s) => ({
      code: s.code,
      title: s.title,
      citizenText: s.citizenText,
      notify: s.notify,
    })),
  };
}
