#!/usr/bin/env node
// okno's command line: runs the TypeScript sources through tsx, so no build step stands between a
// checkout and a running server.
import { unsupportedNode } from './node-version.js';

const refused = unsupportedNode();
if (refused) {
  console.error(refused);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/server/cli.ts');
