/**
 * A short description of a browser's User-Agent string for the security log: «Chrome 156, Linux».
 * Pure; order matters — Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
 */
export type UserAgentSummary = { browser: string | null; os: string | null };

const browsers: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bYaBrowser\/(\d+)/, 'Yandex Browser'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bFxiOS\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\bHeadlessChrome\/(\d+)/, 'Chrome Headless'],
  [/\bChrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
  [/\bcurl\/(\d+)/, 'curl'],
];

const systems: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/\bWindows NT 10\.0/, 'Windows'],
  [/\bWindows NT (\d+\.\d+)/, 'Windows'],
  [/\bAndroid (\d+)/, (m) => `Android ${m[1]}`],
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod).*? OS (\d+)/, (m) => `iOS ${m[1]}`],
  [/\bMac OS X\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

export function summarizeUserAgent(userAgent: string): UserAgentSummary {
  let browser: string | null = null;
  for (const [pattern, name] of browsers) {
    const match = userAgent.match(pattern);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  let os: string | null = null;
  for (const [pattern, name] of systems) {
    const match = userAgent.match(pattern);
    if (match) {
      os = typeof name === 'string' ? name : name(match);
      break;
    }
  }
  return { browser, os };
}
