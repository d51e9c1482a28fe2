import type { AdminService, ServiceCardInput, ServiceCreateInput } from '../../../shared/catalog.admin.js';
import type { Db } from '../../db/client.js';
import { requireKnownCode, requireKnownCodes } from '../../db/references.js';
import { isoTimestamp as iso } from '../../db/type-parsers.js';
import { AppError, notFound } from '../../errors.js';
import { type ChangeAuthor, recordChange } from '../history/history.repository.js';
import { districtsOfOffices, serviceOfficeCodes, setServiceOfficeCodes } from '../network/service-offices.js';
import { type ActorScope, actorScopeCovers } from '../staff/auth.policy.js';
import { refreshSearchWords } from './catalog.search-words.js';
import { missingForPublish, requirementMessages } from './publishable.js';
import * as repo from './services.repository.js';

type Deps = { db: Db };
type WriteDeps = Deps & { author: ChangeAuthor };

/** The card of a version, in the shape the console edits (and the change log records). */
export function toCard(v: repo.VersionRow): ServiceCardInput {
  return {
    title: v.title,
    shortTitle: v.shortTitle,
    description: v.description,
    agency: v.agencyCode,
    category: v.categoryCode,
    situations: v.situationCodes,
    applicantKinds: v.applicantKinds,
    fee: v.feeAmount === null ? null : { amount: v.feeAmount, note: v.feeNote },
    term: v.termDays === null || v.termKind === null ? null : { days: v.termDays, kind: v.termKind },
    keepResultDays: v.keepResultDays,
    documents: v.documents.map((d) => ({
      name: d.name,
      required: d.required,
      form: d.form,
      note: d.note ?? null,
    })),
    results: v.results,
    refusalReasons: v.refusalReasons,
    stages: v.stages.map((s) => ({
      code: s.code,
      title: s.title,
      citizenText: s.citizenText,
      notify: s.notify,
      durationDays: s.durationDays ?? null,
    })),
    aliases: v.aliases,
  };
}

export async function listServices(
  { db }: Deps,
  query: {
    q?: string;
    status?: 'published' | 'draft' | 'unpublished';
    agency?: string;
    page: number;
    limit: number;
  },
) {
  const found = await repo.listServiceRows(db, { ...query, offset: (query.page - 1) * query.limit });
  return {
    items: found.rows.map((r) => ({
      code: r.code,
      title: r.title,
      agency: r.agencyCode,
      category: r.categoryCode,
      publishedVersion: r.publishedVersion,
      draftVersion: r.draftVersion,
      updatedAt: iso(r.updatedAt),
    })),
    total: found.total,
  };
}

async function loadService(db: Db, code: string, lock = false) {
  const service = await repo.findServiceRow(db, code, lock);
  if (!service) throw notFound(`service ${code}`);
  const shown = service.draftVersion ?? service.publishedVersion;
  const version = shown === null ? undefined : await repo.findVersionRow(db, code, shown);
  if (!version) throw notFound(`service ${code}`);
  return { service, version };
}

/** The service as the console edits it: the draft if there is one, else the published version. */
export async function getService({ db }: Deps, code: string): Promise<AdminService> {
  const { service, version } = await loadService(db, code);
  const card = toCard(version);
  return {
    code,
    version: version.version,
    status: version.status,
    publishedVersion: service.publishedVersion,
    draftVersion: service.draftVersion,
    ...card,
    missing: missingForPublish(card),
    offices: (await serviceOfficeCodes(db, code)).offices,
    updatedAt: iso(service.updatedAt),
  };
}

async function checkReferences(tx: Db, card: ServiceCardInput): Promise<void> {
  await requireKnownCode(tx, 'agencies', 'agency', card.agency);
  await requireKnownCode(tx, 'categories', 'category', card.category);
  await requireKnownCodes(tx, 'situations', 'situations', card.situations);
}

/** A new service: its first version is a draft, invisible on the portal until published. */
export async function createService(
  { db, author }: WriteDeps,
  input: ServiceCreateInput,
): Promise<AdminService> {
  const { code, ...card } = input;
  await db.transaction(async (tx) => {
    await checkReferences(tx, card);
    if (!(await repo.insertService(tx, code)))
      throw new AppError('CONFLICT', `service ${code} already exists`);
    await repo.insertDraft(tx, code, 1, card, author.login);
    await recordChange(tx, {
      author,
      entity: 'service',
      key: code,
      action: 'create',
      before: null,
      after: { version: 1, ...card },
    });
  });
  return getService({ db }, code);
}

/**
 * Replaces the card. A draft is edited in place; a published service without a draft gets a new draft
 * version, and the portal keeps showing the published one until that draft is published.
 */
export async function editService(
  { db, author }: WriteDeps,
  code: string,
  card: ServiceCardInput,
): Promise<AdminService> {
  await db.transaction(async (tx) => {
    const { service, version } = await loadService(tx, code, true);
    await checkReferences(tx, card);
    let draft = service.draftVersion;
    if (draft === null) {
      draft = await repo.nextVersion(tx, code);
      await repo.insertDraft(tx, code, draft, card, author.login);
      await repo.setVersionPointers(tx, code, service.publishedVersion, draft);
    } else {
      await repo.updateDraft(tx, code, draft, card);
      await repo.setVersionPointers(tx, code, service.publishedVersion, draft);
    }
    await recordChange(tx, {
      author,
      entity: 'service',
      key: code,
      action: 'edit',
      before: { version: version.version, ...toCard(version) },
      after: { version: draft, ...card },
    });
  });
  return getService({ db }, code);
}

/** Publishes the draft: it replaces the published version (archived) on the portal, search words included. */
export async function publishService({ db, author }: WriteDeps, code: string): Promise<AdminService> {
  await db.transaction(async (tx) => {
    const { service, version } = await loadService(tx, code, true);
    if (service.draftVersion === null)
      throw new AppError('CONFLICT', `service ${code} has no draft to publish`);
    const missing = missingForPublish(toCard(version));
    if (missing.length) {
      throw new AppError(
        'NOT_PUBLISHABLE',
        `service ${code} cannot be published: missing ${missing.join(', ')}`,
        missing.map((field) => ({ field, message: requirementMessages[field] })),
      );
    }
    const old = service.publishedVersion;
    const before = old === null ? null : await repo.findVersionRow(tx, code, old);
    if (old !== null) await repo.setVersionStatus(tx, code, old, 'archived');
    await repo.setVersionStatus(tx, code, version.version, 'published');
    await repo.setVersionPointers(tx, code, version.version, null);
    await refreshSearchWords(tx);
    await recordChange(tx, {
      author,
      entity: 'service',
      key: code,
      action: 'publish',
      before: before ? { version: old, ...toCard(before) } : null,
      after: { version: version.version, ...toCard(version) },
    });
  });
  return getService({ db }, code);
}

/** Drops the draft; the published version stays. A service that was never published has nothing to fall back on. */
export async function discardDraft({ db, author }: WriteDeps, code: string): Promise<AdminService> {
  await db.transaction(async (tx) => {
    const { service, version } = await loadService(tx, code, true);
    if (service.draftVersion === null) throw notFound(`draft of service ${code}`);
    if (service.publishedVersion === null) {
      throw new AppError('CONFLICT', `service ${code} was never published: its draft is its only version`);
    }
    await repo.setVersionPointers(tx, code, service.publishedVersion, null);
    await repo.deleteVersion(tx, code, version.version);
    await recordChange(tx, {
      author,
      entity: 'service',
      key: code,
      action: 'discard-draft',
      before: { version: version.version, ...toCard(version) },
      after: null,
    });
  });
  return getService({ db }, code);
}

export async function listVersions({ db }: Deps, code: string) {
  if (!(await repo.findServiceRow(db, code))) throw notFound(`service ${code}`);
  return (await repo.versionRows(db, code)).map((v) => ({
    version: v.version,
    status: v.status,
    title: v.title,
    createdAt: iso(v.createdAt),
    createdBy: v.createdBy,
    publishedAt: v.publishedAt === null ? null : iso(v.publishedAt),
  }));
}

export const getServiceOffices = async ({ db }: Deps, code: string) => {
  if (!(await repo.findServiceRow(db, code))) throw notFound(`service ${code}`);
  return serviceOfficeCodes(db, code);
};

/** Sets the offices that list the service (remote offices and kiosks; main centers offer every service). */
export async function setServiceOffices(
  { db, author }: WriteDeps,
  code: string,
  offices: string[],
  scope: ActorScope,
) {
  const unique = [...new Set(offices)];
  return db.transaction(async (tx) => {
    if (!(await repo.findServiceRow(tx, code, true))) throw notFound(`service ${code}`);
    await requireKnownCodes(tx, 'offices', 'offices', offices);
    const before = await serviceOfficeCodes(tx, code);
    const changed = [
      ...unique.filter((o) => !before.offices.includes(o)),
      ...before.offices.filter((o) => !unique.includes(o)),
    ];
    const districts = await districtsOfOffices(tx, changed);
    const beyond = changed.find((o) => !actorScopeCovers(scope, o, districts.get(o) ?? ''));
    if (beyond) throw new AppError('FORBIDDEN', `office ${beyond} lies beyond your scope`);
    await setServiceOfficeCodes(tx, code, unique);
    await repo.touchService(tx, code);
    const after = await serviceOfficeCodes(tx, code);
    await recordChange(tx, {
      author,
      entity: 'service',
      key: code,
      action: 'offices',
      before: before.offices,
      after: after.offices,
    });
    return after;
  });
}
