import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { canonicalPath } from './canonical-path.js';

type MarkedRequest = IncomingMessage & { oknoRefusedPath?: string };

// No route has this path: a refused request falls through to the not-found handler, which answers 400.
const refusedUrl = '/-/refused-path';

/** Fastify's rewriteUrl: every request is routed on its canonical path, or marked refused. */
export function canonicalRequestUrl(req: IncomingMessage): string {
  const canonical = canonicalPath(req.url ?? '/');
  if (canonical.ok) return canonical.url;
  (req as MarkedRequest).oknoRefusedPath = `the request path is refused: ${canonical.reason}`;
  return refusedUrl;
}

/** Why the request's path was refused, when it was. */
export const refusedPathOf = (request: FastifyRequest): string | undefined =>
  (request.raw as MarkedRequest).oknoRefusedPath;
