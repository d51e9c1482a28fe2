import type { ServiceFile } from '../../shared/region-data.js';
import { checkOffice } from './office-checks.js';
import { type Codes, type DemoKey, itemKinds, type ListKey, type RegionFolder } from './region-files.js';
import {
  isTimeZone,
  type Located,
  pathOf,
  type RegionProblem,
  type ReportProblem as Report,
} from './region-problem.js';

/** A reporter of problems of one item: its file, index and code are filled in. */
export function reporterFor(
  problems: RegionProblem[],
  entry: Located<unknown>,
  key: ListKey | DemoKey,
): Report {
  const { kind, key: codeKey } = itemKinds[key];
  const item = `${kind} ${(entry.value as Record<string, unknown>)[codeKey]}`;
  return (field, message, severity = 'error') =>
    problems.push({ severity, file: entry.file, at: pathOf(entry.index, field), item, message });
}

/** A list whose file could not be read: any code may be in it, so no reference to it is reported. */
const unknownList: Codes = { has: () => true };

/**
 * The codes of a list (those that failed their schema included); a repeated code is a problem of each
 * repeat.
 */
function codesOf(folder: RegionFolder, key: ListKey | DemoKey, problems: RegionProblem[]): Codes {
  const codeKey = itemKinds[key].key;
  const first = new Map<string, Located<unknown>>();
  for (const entry of folder[key] as Located<unknown>[]) {
    const code = (entry.value as Record<string, string>)[codeKey];
    const seen = first.get(code);
    if (seen)
      reporterFor(
        problems,
        entry,
        key,
      )(codeKey, `duplicate ${codeKey}: also at ${seen.file} at ${seen.index}`);
    else first.set(code, entry);
  }
  return folder.unread.has(key) ? unknownList : new Set([...first.keys(), ...folder.unparsed[key]]);
}

const unused = 'no service refers to it';

/**
 * Cross-checks of a region folder whose items passed their schemas: codes are unique and every code
 * referred to exists, plus the rules of services, offices, the calendar and the demo accounts. Pure.
 */
export function checkRegion(folder: RegionFolder): RegionProblem[] {
  const problems: RegionProblem[] = [];
  const region = folder.region;
  if (region && !isTimeZone(region.value.timeZone))
    problems.push({
      severity: 'error',
      file: region.file,
      at: 'timeZone',
      message: `unknown time zone "${region.value.timeZone}"`,
    });
  const codes = Object.fromEntries(
    (Object.keys(itemKinds) as (ListKey | DemoKey)[]).map((key) => [key, codesOf(folder, key, problems)]),
  ) as Record<ListKey | DemoKey, Codes>;

  for (const entry of folder.services) checkService(entry, codes, reporterFor(problems, entry, 'services'));
  // without every service (a file unread, an item refused), "no service refers to it" would be a guess
  const allServices = !folder.unread.has('services') && folder.unparsed.services.size === 0;
  if (allServices) {
    const agencies = new Set(folder.services.map((s) => s.value.agency));
    const categories = new Set(folder.services.map((s) => s.value.category));
    for (const entry of folder.agencies)
      if (!agencies.has(entry.value.code))
        reporterFor(problems, entry, 'agencies')('code', unused, 'warning');
    for (const entry of folder.categories)
      if (!categories.has(entry.value.code))
        reporterFor(problems, entry, 'categories')('code', unused, 'warning');
  }

  const services = new Map(folder.services.map((s) => [s.value.code, s.value]));
  for (const entry of folder.offices)
    checkOffice(entry.value, { codes, services, allServices }, reporterFor(problems, entry, 'offices'));

  for (const entry of folder.calendar) {
    const weekday = new Date(`${entry.value.date}T00:00:00Z`).getUTCDay();
    if (entry.value.kind === 'working' && weekday !== 0 && weekday !== 6)
      reporterFor(problems, entry, 'calendar')('kind', '"working" on a weekday changes nothing', 'warning');
  }

  for (const entry of folder.staff) {
    const report = reporterFor(problems, entry, 'staff');
    entry.value.grants.forEach(({ scope }, g) => {
      if (scope.kind === 'district' && !codes.districts.has(scope.district))
        report(['grants', g, 'scope', 'district'], `unknown district "${scope.district}"`);
      if (scope.kind === 'offices')
        scope.offices.forEach((office, o) => {
          if (!codes.offices.has(office))
            report(['grants', g, 'scope', 'offices', o], `unknown office "${office}"`);
        });
    });
  }

  for (const entry of folder.kiosks)
    if (!codes.offices.has(entry.value.office))
      reporterFor(problems, entry, 'kiosks')('office', `unknown office "${entry.value.office}"`);
  return problems;
}

function checkService(entry: Located<ServiceFile>, codes: Record<ListKey, Codes>, report: Report): void {
  const s = entry.value;
  if (!codes.agencies.has(s.agency)) report('agency', `unknown agency "${s.agency}"`);
  if (!codes.categories.has(s.category)) report('category', `unknown category "${s.category}"`);
  s.situations.forEach((situation, i) => {
    if (!codes.situations.has(situation)) report(['situations', i], `unknown situation "${situation}"`);
  });
  for (const i of repeats(s.situations))
    report(['situations', i], `"${s.situations[i]}" listed twice`, 'warning');
  for (const i of repeats(s.applicantKinds))
    report(['applicantKinds', i], `"${s.applicantKinds[i]}" listed twice`);
  const stageCodes = s.stages.map((st) => st.code);
  for (const i of repeats(stageCodes))
    report(['stages', i, 'code'], `duplicate stage code "${stageCodes[i]}"`);
  const documents = s.documents.map((d) => d.name);
  for (const i of repeats(documents))
    report(['documents', i, 'name'], `duplicate document "${documents[i]}"`);
  const aliases = s.aliases.map((a) => a.toLowerCase());
  for (const i of repeats(aliases)) report(['aliases', i], `"${s.aliases[i]}" listed twice`, 'warning');
  if (!s.description.trim()) report('description', 'empty', 'warning');
  if (s.results.length === 0) report('results', 'no results', 'warning');
  if (s.remote && s.status === 'draft') report('remote', 'a draft service marked remote', 'warning');
}

/** Indexes of the values that occurred earlier in the list. */
export function repeats<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const found: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) found.push(i);
    seen.add(v);
  });
  return found;
}
