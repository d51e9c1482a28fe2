import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * HTTP revalidation of public catalog reads: a strong ETag from the body's hash, so every instance gives
 * the same tag for the same answer and a change of anything shown changes it; If-None-Match that names
 * it gets 304 with no body.
 */
export type CatalogBody = { body: Buffer; etag: string };

export const etagOf = (body: string | Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** Kept as UTF-8 bytes: encoding the text again for every answer was the largest cost of a cached read. */
export function catalogBody(json: string): CatalogBody {
  const body = Buffer.from(json);
  return { body, etag: etagOf(body) };
}

/** Whether an If-None-Match header names the tag (RFC 9110: weak comparison; `*` matches any). */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  for (const tag of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const t = tag.trim();
    if (t === '*' || t.replace(/^W\//, '') === bare) return true;
  }
  return false;
}

/**
 * Sends a serialized JSON body with its ETag, or 304 when the client holds it. `no-cache`: a browser or a
 * proxy may keep an anonymous answer but must revalidate it (the auth plugin makes a signed-in one no-store).
 */
export function sendCatalogBody(request: FastifyRequest, reply: FastifyReply, read: CatalogBody) {
  reply.header('etag', read.etag).header('cache-control', 'no-cache');
  if (ifNoneMatchHits(request.headers['if-none-match'], read.etag)) return reply.code(304).send();
  // The bytes go out as they are: they were serialized by the route's schema.
  return reply.type('application/json; charset=utf-8').send(read.body);
}

/** A value serialized by the route's response schema (validated; the zod serializer gives JSON text). */
export const serializeByRoute = (reply: FastifyReply, value: unknown): string =>
  String(reply.serialize(value));
