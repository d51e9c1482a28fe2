/**
 * The one spelling of a request path that okno routes on. Browsers, proxies and routers disagree about
 * `%61`, `//`, `/./`, `;x` and `%2e`; an attacker uses the disagreement to reach a route by a spelling a
 * check did not expect (`/%61pi/admin/users` once read the admin API without a session). So every path is
 * brought to one form before routing, and a path that cannot be brought to one form without guessing is
 * refused:
 *
 * - percent-escapes are decoded until none is left (at most a few rounds: `%2561` is `%61` is `a`);
 * - `;params` of a segment, empty segments (`//`), `.` segments and a trailing `/` are dropped, `..` climbs;
 * - refused: an encoded `/` or `\` (it would change the segments), a raw `\`, a control character or NUL,
 *   a malformed escape, `..` above the root, and escapes still left after the last round.
 *
 * Case is left to the router, which matches route words case-insensitively and keeps parameters as sent.
 * The query string is not touched: it is parsed once, by the server.
 */
export type CanonicalPath = { ok: true; url: string } | { ok: false; reason: string };

const maxDecodeRounds = 4;
const anEscape = /%[0-9a-fA-F]{2}/;
const escapeRuns = /(?:%[0-9a-fA-F]{2})+/g;
const encodedSeparator = /%(?:2f|5c)/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const controlCharacter = /[\u0000-\u001f\u007f]/;

function decodeOnce(path: string): string {
  // Runs of escapes are decoded together: a multi-byte UTF-8 character spans several of them.
  return path.replace(escapeRuns, (run) => decodeURIComponent(run));
}

export function canonicalPath(rawUrl: string): CanonicalPath {
  const queryAt = rawUrl.search(/[?#]/);
  let path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt === -1 || rawUrl[queryAt] === '#' ? '' : rawUrl.slice(queryAt);
  if (!path.startsWith('/')) return { ok: false, reason: 'the path must start with /' };

  for (let round = 0; anEscape.test(path); round++) {
    if (round === maxDecodeRounds) return { ok: false, reason: 'the path is encoded too many times' };
    if (encodedSeparator.test(path)) return { ok: false, reason: 'the path has an encoded / or \\' };
    try {
      path = decodeOnce(path);
    } catch {
      return { ok: false, reason: 'the path has a malformed percent-escape' };
    }
  }
  if (path.includes('\\')) return { ok: false, reason: 'the path has a \\' };
  if (controlCharacter.test(path)) return { ok: false, reason: 'the path has a control character' };

  const segments: string[] = [];
  for (const raw of path.split('/')) {
    const segment = raw.split(';')[0];
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { ok: false, reason: 'the path climbs above the root' };
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  // Re-encoded once: the router decodes parameters exactly once and gets back what was meant.
  return { ok: true, url: `/${segments.map(encodeURIComponent).join('/')}${query}` };
}
