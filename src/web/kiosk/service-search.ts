/**
 * The kiosk's search over its own services (no server round trip: the setup has them all): every typed
 * word must start a word of the title, case and ё/е aside. Pure.
 */
const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');
const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function matchesTitle(title: string, query: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return false;
  const have = words(title);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

export type KioskService = { code: string; title: string; shortTitle: string | null };

/** The services whose title (or short title) matches, each once, in the order given. */
export function searchServices<T extends KioskService>(services: readonly T[], query: string): T[] {
  const seen = new Set<string>();
  return services.filter((s) => {
    if (seen.has(s.code)) return false;
    const found =
      matchesTitle(s.title, query) || (s.shortTitle !== null && matchesTitle(s.shortTitle, query));
    if (found) seen.add(s.code);
    return found;
  });
}

/** The digits of a Russian mobile number after +7, as the kiosk shows them: +7 (912) 345-67-89. */
export function formatPhoneDigits(digits: string): string {
  const d = digits.padEnd(10, '_');
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}
