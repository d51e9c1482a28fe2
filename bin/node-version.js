// Which Node.js okno runs on, checked before anything else is loaded: one line naming the fix.
// Plain JavaScript, so that it runs on any Node that can read it (an older one included).
export const requiredMajor = 24;

/** The message refusing this Node, or null when it is supported. */
export function unsupportedNode(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  if (major >= requiredMajor) return null;
  return (
    `okno needs Node.js ${requiredMajor} or newer, and this is Node.js ${version}: ` +
    'run it through npm (`npm install`, then `npm start` or `npm run okno -- …`: npm scripts use the Node 24 ' +
    'that `npm install` puts in node_modules/.bin), or install Node.js 24 LTS system-wide.'
  );
}
