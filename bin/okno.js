#!/usr/bin/env node
// okno's command line: runs the TypeScript sources through tsx, so no build step stands between a
// checkout and a running server.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
