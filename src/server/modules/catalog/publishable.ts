/**
 * What a service card still lacks before it may be published: the portal must never show a service
 * without its agency, its statutory term, the documents to bring or the route of stages. I/O-free.
 */
export type PublishRequirement = 'agency' | 'term' | 'documents' | 'stages';

export type PublishableCard = {
  agency: string | null;
  term: { days: number; kind: string } | null;
  documents: readonly unknown[];
  stages: readonly unknown[];
};

export const requirementMessages: Record<PublishRequirement, string> = {
  agency: 'an agency is required',
  term: 'a term is required',
  documents: 'at least one document is required',
  stages: 'at least one stage is required',
};

export function missingForPublish(card: PublishableCard): PublishRequirement[] {
  const missing: PublishRequirement[] = [];
  if (!card.agency) missing.push('agency');
  if (!card.term) missing.push('term');
  if (card.documents.length === 0) missing.push('documents');
  if (card.stages.length === 0) missing.push('stages');
  return missing;
}
