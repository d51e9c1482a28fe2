import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Case } from '../../../shared/cases.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { appendCaseEvents } from './case-trail.js';
import * as repo from './cases.repository.js';
import { caseDocuments, caseScans } from './cases.schema.js';

import { actorOf, type CaseDeps, type CaseStaff, lockCaseInScope, toDto } from './cases.service.js';

/** Documents of a case added or replaced later, and their scans (each view on the trail). */

export async function addDocument(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  input: {
    name: string;
    form: 'original' | 'copy';
    pages?: number;
    replaces?: string;
    scan?: { contentType: string; data: string };
  },
): Promise<Case> {
  const scan = input.scan ? Buffer.from(input.scan.data, 'base64') : null;
  if (scan && scan.length > 5 * 1024 * 1024) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'a scan is at most 5 MB');
  }
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    if (locked.final) {
      throw new AppError('INVALID_TRANSITION', 'documents of a closed case cannot change', {
        stage: locked.stage,
        allowed: [],
      });
    }
    const at = deps.now.toISOString();
    let replaced: { id: string; name: string } | null = null;
    if (input.replaces) {
      const old = await repo.findDocument(tx, locked.id, input.replaces);
      if (!old || old.replacedAt !== null)
        throw invalidField('replaces', 'no current document of this case has that id');
      await tx.update(caseDocuments).set({ replacedAt: at }).where(eq(caseDocuments.id, old.id));
      replaced = { id: old.id, name: old.name };
    }
    const existing = await repo.documentsOf(tx, locked.id);
    const position = replaced
      ? (existing.find((d) => d.doc.id === replaced?.id)?.doc.position ?? existing.length + 1)
      : existing.reduce((max, d) => Math.max(max, d.doc.position), 0) + 1;
    const [doc] = await tx
      .insert(caseDocuments)
      .values({
        caseId: locked.id,
        position,
        name: input.name,
        form: input.form,
        pages: input.pages ?? null,
        replaces: replaced?.id ?? null,
        addedAt: at,
        addedBy: staff.userId,
      })
      .returning();
    let scanFacts: Record<string, unknown> | null = null;
    if (scan && input.scan) {
      const sha256 = createHash('sha256').update(scan).digest('hex');
      await tx.insert(caseScans).values({
        documentId: doc.id,
        contentType: input.scan.contentType,
        size: scan.length,
        sha256,
        sealed: deps.cipher.seal(scan.toString('base64'), { compress: true }),
      });
      scanFacts = { contentType: input.scan.contentType, size: scan.length, sha256 };
    }
    const head = await appendCaseEvents(
      tx,
      locked,
      [
        {
          kind: replaced ? 'document_replaced' : 'document_added',
          actor: actorOf(staff),
          office: locked.officeCode,
          details: {
            ...(replaced ? { before: replaced } : {}),
            after: { id: doc.id, name: doc.name, form: doc.form, pages: doc.pages },
            ...(scanFacts ? { scan: scanFacts } : {}),
          },
        },
      ],
      deps.now,
    );
    return { ...locked, ...head };
  });
  return toDto(deps.db, row, deps.now);
}

/** A document's scan; the view is an operation on the trail. */
export async function openScan(
  deps: CaseDeps,
  staff: CaseStaff,
  id: string,
  documentId: string,
): Promise<{ contentType: string; body: Buffer }> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    const doc = await repo.findDocument(tx, locked.id, documentId);
    const scan = doc ? await repo.findScan(tx, doc.id) : undefined;
    if (!doc || !scan) throw notFound('scan');
    await appendCaseEvents(
      tx,
      locked,
      [
        {
          kind: 'scan_viewed',
          actor: actorOf(staff),
          office: locked.officeCode,
          details: { document: doc.id, name: doc.name },
        },
      ],
      deps.now,
    );
    return { contentType: scan.contentType, body: Buffer.from(deps.cipher.open(scan.sealed), 'base64') };
  });
}
