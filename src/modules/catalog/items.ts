import { actorId, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound, sqlState, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { likeContains, type PageResult } from '../../kernel/sql/paging.ts';
import { departmentRefsById, type DepartmentRef } from '../org/index.ts';
import { canEdit, canReadDrafts, isBureau, readScopeSql, requireCatalogStaff, requireEditor } from './access.ts';
import { classifyCode, parseHandleItemCode } from './codes.ts';
import type { ItemContent } from './content.ts';
import { diffContent, type Change } from './diff.ts';
import type { ItemDetailView, ItemListRow, ItemRow, ItemStatus, Transition, VersionStatus, VersionSummary, VersionView } from './route-schemas.ts';
import { checkQuality, type QualityReport, type RuleContext } from './rules.ts';

export type { ItemListRow, ItemRow, ItemStatus, Transition, VersionStatus, VersionSummary };
import { assertContent, contentHash } from './validate-content.ts';


/** A stored version: the API's version with the quality report as stored (messages come per request). */
export type VersionRow = Omit<VersionView, 'quality'> & { quality: QualityReport };

const ITEM_COLS = `i.id, i.code, i.implementation_code as "implementationCode", i.basic_code as "basicCode",
  i.region_code as "regionCode", i.department_id as "departmentId", i.status, i.published_version_id as "publishedVersionId",
  i.popularity, i.view_count as "viewCount", i.created_at as "createdAt", i.updated_at as "updatedAt"`;
const VERSION_COLS = `v.id, v.item_id as "itemId", v.version_no as "versionNo", v.status, v.name, v.type_code as "typeCode", v.level,
  v.region_code as "regionCode", v.department_id as "departmentId", v.content, v.content_hash as "contentHash", v.quality,
  v.quality_ok as "qualityOk", v.lock_version as "lockVersion", v.created_by as "createdBy", v.created_at as "createdAt",
  v.updated_at as "updatedAt", v.submitted_at as "submittedAt", v.reviewed_by as "reviewedBy", v.reviewed_at as "reviewedAt",
  v.review_comment as "reviewComment", v.published_at as "publishedAt", v.retired_at as "retiredAt"`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));
function fixDates<T extends Record<string, unknown>>(row: T): T {
  for (const k of Object.keys(row)) if (row[k] instanceof Date) (row as Record<string, unknown>)[k] = iso(row[k]);
  return row;
}

/** The reference lists written content is checked against, read in one statement. */
export interface ReferenceLists {
  rules: RuleContext;
  /** Type letter (in item codes) by item type code. */
  letters: Map<string, string>;
}

export async function referenceLists(q: Queryable): Promise<ReferenceLists> {
  const rows = await q.query<{ list: 'type' | 'license' | 'base'; code: string; letter: string | null }>(
    `select 'type' as list, code, letter from catalog_item_type
     union all select 'license', code, null from catalog_license_type
     union all select 'base', key, null from catalog_base_field`,
  );
  const of = (list: string) => rows.filter((r) => r.list === list);
  return {
    rules: {
      typeCodes: new Set(of('type').map((r) => r.code)),
      licenseTypes: new Set(of('license').map((r) => r.code)),
      baseFields: new Set(of('base').map((r) => r.code)),
    },
    letters: new Map(of('type').map((r) => [r.code, r.letter!])),
  };
}

/** The reference lists quality rules check against. */
export async function ruleContext(q: Queryable): Promise<RuleContext> {
  return (await referenceLists(q)).rules;
}

export async function bumpSearchGeneration(tx: Queryable) {
  await tx.query('update catalog_search_state set generation = generation + 1 where id');
}

const isItemId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

async function fetchItem(q: Queryable, id: string): Promise<ItemRow | undefined> {
  if (!isItemId(id)) return undefined;
  const row = await q.one<ItemRow & Record<string, unknown>>(`select ${ITEM_COLS} from catalog_item i where i.id = $1`, [id]);
  return row ? fixDates(row) : undefined;
}

async function fetchVersion(q: Queryable, itemId: string, where: string, params: unknown[] = []): Promise<VersionRow | undefined> {
  const row = await q.one<VersionRow & Record<string, unknown>>(
    `select ${VERSION_COLS} from catalog_item_version v where v.item_id = $1 and ${where} order by v.version_no desc limit 1`,
    [itemId, ...params],
  );
  return row ? fixDates(row) : undefined;
}

/** Items by id, in no particular order (unknown ids are left out). */
export async function fetchItems(q: Queryable, ids: string[]): Promise<ItemRow[]> {
  const rows = await q.query<ItemRow & Record<string, unknown>>(`select ${ITEM_COLS} from catalog_item i where i.id = any($1::uuid[])`, [ids.filter(isItemId)]);
  return rows.map(fixDates);
}

/** The newest version matching `where` of each item, by item id; `where`'s parameters start at $2. */
export async function latestVersions(q: Queryable, itemIds: string[], where = 'true', params: unknown[] = []): Promise<Map<string, VersionRow>> {
  const rows = await q.query<VersionRow & Record<string, unknown>>(
    `select distinct on (v.item_id) ${VERSION_COLS} from catalog_item_version v
     where v.item_id = any($1::uuid[]) and ${where} order by v.item_id, v.version_no desc`,
    [itemIds.filter(isItemId), ...params],
  );
  return new Map(rows.map((v) => [v.itemId, fixDates(v)]));
}

/** Items by code (业务办理项编码), with the status of their newest version. */
export async function itemsByCode(q: Queryable, codes: string[]) {
  const rows = await q.query<{ id: string; code: string; departmentId: string; status: string }>(
    `select i.id, i.code, i.department_id as "departmentId",
       (select v.status from catalog_item_version v where v.item_id = i.id order by v.version_no desc limit 1) as status
     from catalog_item i where i.code = any($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** Published items are seen by everyone, the others only within the actor's read scope. */
export const canSeeItem = (actor: Actor, item: ItemRow) => item.status === 'published' || canReadDrafts(actor, item) || isBureau(actor, item);

async function visibleItem(q: Queryable, actor: Actor, id: string): Promise<ItemRow> {
  const item = await fetchItem(q, id);
  if (!item || !canSeeItem(actor, item)) throw notFound('item', id);
  return item;
}

export interface CreateItemInput {
  /** 业务办理项编码. */
  code: string;
  departmentId: string;
  content: unknown;
  popularity?: number;
}

/** What checking written content reads, once however many items are written. */
interface WriteChecks extends ReferenceLists {
  depts: Map<string, DepartmentRef>;
}

async function loadWriteChecks(q: Queryable, departmentIds: string[]): Promise<WriteChecks> {
  const [depts, lists] = await Promise.all([departmentRefsById(q, departmentIds), referenceLists(q)]);
  return { depts, ...lists };
}

/** Checks a code against the department and the content; returns the parsed segments. */
function checkCode(checks: WriteChecks, code: string, departmentId: string, content: ItemContent) {
  const parsed = parseHandleItemCode(code);
  if (!parsed.ok) throw unprocessable('ITEM_CODE_INVALID', { reason: parsed.reason }, { field: 'code', reason: parsed.reason });
  const dept = checks.depts.get(departmentId);
  if (!dept) throw unprocessable('REFERENCE_NOT_FOUND', { field: 'departmentId' }, { field: 'departmentId' });
  const impl = parsed.value.implementation;
  if (impl.regionCode !== dept.regionCode || impl.uscc !== dept.uscc) {
    throw unprocessable('ITEM_CODE_DEPARTMENT', { code }, { field: 'code', regionCode: dept.regionCode, uscc: dept.uscc });
  }
  if (content.typeCode) {
    const letter = checks.letters.get(content.typeCode);
    if (!letter) throw unprocessable('ITEM_TYPE_UNKNOWN', { typeCode: content.typeCode }, { field: 'content.typeCode' });
    if (letter !== impl.basic.typeLetter) {
      throw unprocessable('ITEM_CODE_TYPE', { letter: impl.basic.typeLetter }, { field: 'code', expected: letter });
    }
  }
  return { parsed: parsed.value, dept };
}

function checkReferences(ctx: RuleContext, content: ItemContent) {
  // Unknown licence types / base fields are hard errors (not just rule issues): they can never be fixed by the reader.
  for (const [i, m] of (content.materials ?? []).entries()) {
    if (m.replacedByLicenseType && !ctx.licenseTypes!.has(m.replacedByLicenseType)) {
      throw unprocessable('MATERIAL_LICENSE_TYPE_UNKNOWN', { code: m.replacedByLicenseType }, { field: `content.materials.${i}.replacedByLicenseType` });
    }
    if (m.replacedByBaseField && !ctx.baseFields!.has(m.replacedByBaseField)) {
      throw unprocessable('MATERIAL_BASE_FIELD_UNKNOWN', { field: m.replacedByBaseField }, { field: `content.materials.${i}.replacedByBaseField` });
    }
  }
  if (content.typeCode && !ctx.typeCodes!.has(content.typeCode)) {
    throw unprocessable('ITEM_TYPE_UNKNOWN', { typeCode: content.typeCode }, { field: 'content.typeCode' });
  }
}

/** The quality of content written into an existing item, after the checks that refuse it outright. */
async function checkedQuality(q: Queryable, item: { code: string; departmentId: string }, content: ItemContent): Promise<QualityReport> {
  const checks = await loadWriteChecks(q, [item.departmentId]);
  if (content.typeCode) checkCode(checks, item.code, item.departmentId, content);
  checkReferences(checks.rules, content);
  return checkQuality(content, checks.rules);
}

function translateWriteError(err: unknown): never {
  if (isUniqueViolation(err)) {
    const constraint = (err as { constraint?: string }).constraint ?? '';
    if (constraint === 'catalog_item_code_key') throw conflict('ITEM_CODE_TAKEN');
    if (constraint === 'catalog_item_version_open_idx') throw conflict('ITEM_VERSION_OPEN');
    throw conflict('DUPLICATE', {}, { constraint });
  }
  if (sqlState(err) === 'P0001' && /immutable/.test(String((err as Error).message))) throw conflict('ITEM_VERSION_PUBLISHED');
  throw err;
}

interface NewVersion {
  item: { id: string; regionCode: string; departmentId: string };
  versionNo: number;
  content: ItemContent;
  quality: QualityReport;
}

/** Draft versions, one statement for any number of them. */
async function insertVersions(tx: Tx, versions: NewVersion[], by: string | null) {
  const column = <T>(f: (v: NewVersion) => T) => versions.map(f);
  await tx.query(
    `insert into catalog_item_version (id, item_id, version_no, status, content, content_hash, name, type_code, level,
       region_code, department_id, quality, quality_ok, created_by)
     select id, item_id, version_no, 'draft', content::jsonb, content_hash, name, type_code, level, region_code, department_id, quality::jsonb, quality_ok, $12
     from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::text[], $13::boolean[])
       as v(id, item_id, version_no, content, content_hash, name, type_code, level, region_code, department_id, quality, quality_ok)`,
    [
      column(() => uuidv7()),
      column((v) => v.item.id),
      column((v) => v.versionNo),
      column((v) => JSON.stringify(v.content)),
      column((v) => contentHash(v.content)),
      column((v) => v.content.name),
      column((v) => v.content.typeCode ?? null),
      column((v) => v.content.level ?? null),
      column((v) => v.item.regionCode),
      column((v) => v.item.departmentId),
      column((v) => JSON.stringify(v.quality)),
      by,
      column((v) => v.quality.ok),
    ],
  );
}

export interface VersionWithQuality {
  item: ItemRow;
  version: VersionRow;
}

export async function createItem(db: Db, actor: Actor, input: CreateItemInput): Promise<VersionWithQuality> {
  const content = assertContent(structuredClone(input.content));
  return db.transaction((tx) => createItemIn(tx, actor, input, content));
}

/** createItem inside the caller's transaction. */
export async function createItemIn(tx: Tx, actor: Actor, input: CreateItemInput, content: ItemContent): Promise<VersionWithQuality> {
  const [created] = await createItemsIn(tx, actor, [{ input, content }]);
  return (await itemsWithVersions(tx, [created!.itemId]))[0]!;
}

export interface NewItem {
  input: CreateItemInput;
  /** The input's content, already checked against the content model. */
  content: ItemContent;
}

export interface CreatedItem {
  itemId: string;
  versionNo: number;
  qualityOk: boolean;
}

/**
 * createItem for a whole list inside the caller's transaction (the spreadsheet import applies a
 * file at once): the reference lists are read once and the rows written in one statement per
 * table; each item is checked and audited as createItem does. `refused` learns which item an
 * error is about before the error propagates.
 */
export async function createItemsIn(tx: Tx, actor: Actor, items: NewItem[], refused?: (index: number, err: unknown) => void): Promise<CreatedItem[]> {
  const checks = await loadWriteChecks(
    tx,
    items.map((x) => x.input.departmentId),
  );
  const rows = items.map(({ input, content }, index) => {
    try {
      const { parsed, dept } = checkCode(checks, input.code, input.departmentId, content);
      requireEditor(actor, { regionCode: dept.regionCode, departmentId: dept.id });
      checkReferences(checks.rules, content);
      return { id: uuidv7(), parsed, dept, popularity: input.popularity ?? 0, content, quality: checkQuality(content, checks.rules) };
    } catch (err) {
      refused?.(index, err);
      throw err;
    }
  });
  const column = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  try {
    await tx.query(
      `insert into catalog_item (id, code, implementation_code, basic_code, basic_source, basic_type_letter, basic_main, basic_child,
         impl_region_code, impl_uscc, situation, sequence, region_code, department_id, popularity)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::uuid[], $15::int[])`,
      [
        column((r) => r.id),
        column((r) => r.parsed.code),
        column((r) => r.parsed.implementation.code),
        column((r) => r.parsed.implementation.basic.code),
        column((r) => r.parsed.implementation.basic.source),
        column((r) => r.parsed.implementation.basic.typeLetter),
        column((r) => r.parsed.implementation.basic.main),
        column((r) => r.parsed.implementation.basic.child),
        column((r) => r.parsed.implementation.regionCode),
        column((r) => r.parsed.implementation.uscc),
        column((r) => r.parsed.situation),
        column((r) => r.parsed.sequence),
        column((r) => r.dept.regionCode),
        column((r) => r.dept.id),
        column((r) => r.popularity),
      ],
    );
  } catch (err) {
    translateWriteError(err);
  }
  const owner = (r: (typeof rows)[number]) => ({ id: r.id, regionCode: r.dept.regionCode, departmentId: r.dept.id });
  await insertVersions(
    tx,
    rows.map((r) => ({ item: owner(r), versionNo: 1, content: r.content, quality: r.quality })),
    actorId(actor),
  );
  for (const r of rows) {
    await appendAudit(tx, actor, {
      action: 'catalog.item.create',
      objectType: 'catalog_item',
      objectId: r.id,
      regionCode: r.dept.regionCode,
      details: { code: r.parsed.code, name: r.content.name },
    });
  }
  return rows.map((r) => ({ itemId: r.id, versionNo: 1, qualityOk: r.quality.ok }));
}

/** Items with their newest version matching `where` (see latestVersions), in the order of `ids`. */
export async function itemsWithVersions(q: Queryable, ids: string[], where?: string, params?: unknown[]): Promise<VersionWithQuality[]> {
  const [items, versions] = await Promise.all([fetchItems(q, ids), latestVersions(q, ids, where, params)]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  return ids.map((id) => ({ item: itemById.get(id)!, version: versions.get(id)! }));
}

/**
 * Puts imported content into an existing item as its draft: the open draft is replaced, a
 * published or retired item gets a new draft version, a version under review is refused. A
 * popularity given with the content replaces the item's (it ranks search results, unversioned).
 */
export async function importIntoItem(tx: Tx, actor: Actor, itemId: string, content: ItemContent, popularity?: number): Promise<VersionWithQuality> {
  const item = await visibleItem(tx, actor, itemId);
  requireEditor(actor, item);
  const last = await fetchVersion(tx, itemId, 'true');
  if (!last) throw notFound('item', itemId);
  if (last.status === 'submitted' || last.status === 'reviewed') throw conflict('ITEM_VERSION_NOT_DRAFT', { status: last.status }, { status: last.status });
  const quality = await checkedQuality(tx, item, content);
  try {
    if (last.status === 'draft') {
      await tx.query(
        `update catalog_item_version set content = $2::jsonb, content_hash = $3, name = $4, type_code = $5, level = $6, quality = $7::jsonb,
           quality_ok = $8, lock_version = lock_version + 1, updated_at = clock_now() where id = $1 and status = 'draft'`,
        [last.id, JSON.stringify(content), contentHash(content), content.name, content.typeCode ?? null, content.level ?? null, JSON.stringify(quality), quality.ok],
      );
    } else {
      await insertVersions(tx, [{ item, versionNo: last.versionNo + 1, content, quality }], actorId(actor));
    }
  } catch (err) {
    translateWriteError(err);
  }
  if (popularity !== undefined) await tx.query('update catalog_item set popularity = $2, updated_at = clock_now() where id = $1', [itemId, popularity]);
  await appendAudit(tx, actor, {
    action: 'catalog.version.import',
    objectType: 'catalog_item',
    objectId: itemId,
    regionCode: item.regionCode,
    details: { versionNo: last.status === 'draft' ? last.versionNo : last.versionNo + 1, errors: quality.errors.length },
  });
  return { item: (await fetchItem(tx, itemId))!, version: (await fetchVersion(tx, itemId, 'true'))! };
}

/** Replace the content of the item's draft version (optimistic concurrency on lockVersion). */
export async function saveDraft(db: Db, actor: Actor, itemId: string, input: { content: unknown; lockVersion: number }): Promise<VersionWithQuality> {
  const content = assertContent(structuredClone(input.content));
  return db.transaction(async (tx) => {
    const item = await visibleItem(tx, actor, itemId);
    requireEditor(actor, item);
    const current = await fetchVersion(tx, itemId, 'true');
    if (!current) throw notFound('item', itemId);
    if (current.status === 'published' || current.status === 'retired') {
      throw conflict('ITEM_VERSION_PUBLISHED', { versionNo: current.versionNo }, { versionNo: current.versionNo, status: current.status });
    }
    if (current.status !== 'draft') throw conflict('ITEM_VERSION_NOT_DRAFT', { status: current.status }, { status: current.status });
    if (current.lockVersion !== input.lockVersion) throw conflict('VERSION_CONFLICT', {}, { current: current.lockVersion });
    const quality = await checkedQuality(tx, item, content);
    try {
      await tx.query(
        `update catalog_item_version set content = $2::jsonb, content_hash = $3, name = $4, type_code = $5, level = $6, quality = $7::jsonb,
           quality_ok = $8, lock_version = lock_version + 1, updated_at = clock_now() where id = $1 and status = 'draft'`,
        [current.id, JSON.stringify(content), contentHash(content), content.name, content.typeCode ?? null, content.level ?? null, JSON.stringify(quality), quality.ok],
      );
    } catch (err) {
      translateWriteError(err);
    }
    await appendAudit(tx, actor, {
      action: 'catalog.version.save',
      objectType: 'catalog_item',
      objectId: itemId,
      regionCode: item.regionCode,
      details: { versionNo: current.versionNo, errors: quality.errors.length },
    });
    return { item, version: (await fetchVersion(tx, itemId, 'v.id = $2', [current.id]))! };
  });
}

/** Start a new draft from the published (or last) version. */
export async function newDraft(db: Db, actor: Actor, itemId: string): Promise<VersionWithQuality> {
  return db.transaction(async (tx) => {
    const item = await visibleItem(tx, actor, itemId);
    requireEditor(actor, item);
    const last = await fetchVersion(tx, itemId, 'true');
    if (!last) throw notFound('item', itemId);
    if (['draft', 'submitted', 'reviewed'].includes(last.status)) throw conflict('ITEM_VERSION_OPEN', { versionNo: last.versionNo });
    const ctx = await ruleContext(tx);
    try {
      await insertVersions(tx, [{ item, versionNo: last.versionNo + 1, content: last.content, quality: checkQuality(last.content, ctx) }], actorId(actor));
    } catch (err) {
      translateWriteError(err);
    }
    await appendAudit(tx, actor, {
      action: 'catalog.version.create',
      objectType: 'catalog_item',
      objectId: itemId,
      regionCode: item.regionCode,
      details: { versionNo: last.versionNo + 1, from: last.versionNo },
    });
    return { item, version: (await fetchVersion(tx, itemId, 'true'))! };
  });
}

export type ItemDetail = Omit<ItemDetailView, 'current'> & { current: VersionRow };

export async function getItem(db: Queryable, actor: Actor, id: string): Promise<ItemDetail> {
  const item = await visibleItem(db, actor, id);
  const staffView = canReadDrafts(actor, item) || isBureau(actor, item);
  const versions = await db.query<VersionSummary & Record<string, unknown>>(
    `select v.id, v.version_no as "versionNo", v.status, v.name, v.quality_ok as "qualityOk", v.created_at as "createdAt",
       v.updated_at as "updatedAt", v.published_at as "publishedAt", v.review_comment as "reviewComment"
     from catalog_item_version v where v.item_id = $1 ${staffView ? '' : `and v.status = 'published'`} order by v.version_no desc`,
    [id],
  );
  const current = staffView ? await fetchVersion(db, id, 'true') : await fetchVersion(db, id, `v.status = 'published'`);
  const dept = (await departmentRefsById(db, [item.departmentId])).get(item.departmentId);
  return {
    item: { ...item, departmentName: dept?.name ?? null },
    versions: versions.map(fixDates),
    current: current!,
    permissions: { edit: canEdit(actor, item), review: isBureau(actor, item) },
  };
}

export async function getVersion(db: Queryable, actor: Actor, itemId: string, versionNo: number): Promise<VersionRow> {
  const item = await visibleItem(db, actor, itemId);
  const staffView = canReadDrafts(actor, item) || isBureau(actor, item);
  const v = await fetchVersion(db, itemId, `v.version_no = $2 ${staffView ? '' : `and v.status = 'published'`}`, [versionNo]);
  if (!v) throw notFound('item_version', `${itemId}/${versionNo}`);
  return v;
}

export async function diffVersions(db: Queryable, actor: Actor, itemId: string, from: number, to: number): Promise<{ from: number; to: number; changes: Change[] }> {
  const [a, b] = await Promise.all([getVersion(db, actor, itemId, from), getVersion(db, actor, itemId, to)]);
  return { from, to, changes: diffContent(a.content, b.content) };
}

export interface ItemListQuery {
  q?: string;
  status?: ItemStatus | 'in_review';
  departmentId?: string;
  typeCode?: string;
  regionCode?: string;
  page: number;
  pageSize: number;
}

/** Staff list of items in the actor's scope, with the newest version's state. */
export async function listItems(db: Queryable, actor: Actor, query: ItemListQuery): Promise<PageResult<ItemListRow>> {
  requireCatalogStaff(actor);
  const params: unknown[] = [];
  const where = [readScopeSql(actor, { region: 'i.region_code', department: 'i.department_id' }, params)];
  if (query.q) {
    params.push(likeContains(query.q));
    where.push(`(v.name ilike $${params.length} or i.code ilike $${params.length})`);
  }
  if (query.status === 'in_review') where.push(`v.status in ('submitted', 'reviewed')`);
  else if (query.status) {
    params.push(query.status);
    where.push(`i.status = $${params.length}`);
  }
  for (const [key, col] of [
    ['departmentId', 'i.department_id'],
    ['typeCode', 'v.type_code'],
  ] as const) {
    if (query[key]) {
      params.push(query[key]);
      where.push(`${col} = $${params.length}`);
    }
  }
  if (query.regionCode) {
    params.push(`${regionPrefix(query.regionCode)}%`);
    where.push(`i.region_code like $${params.length}`);
  }
  const from = `from catalog_item i join lateral (
      select * from catalog_item_version v where v.item_id = i.id order by v.version_no desc limit 1) v on true
    where ${where.join(' and ')}`;
  const rows = await db.query<ItemListRow & { total: number } & Record<string, unknown>>(
    `select i.id, i.code, v.name, i.status, v.version_no as "versionNo", v.status as "versionStatus", v.type_code as "typeCode",
       i.region_code as "regionCode", i.department_id as "departmentId", v.quality_ok as "qualityOk", v.updated_at as "updatedAt",
       count(*) over () as total
     ${from} order by i.region_code, i.code limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  const total = rows.length ? Number(rows[0]!.total) : Number((await db.one<{ n: number }>(`select count(*) as n ${from}`, params))?.n ?? 0);
  return {
    items: rows.map(({ total: _t, ...r }) => fixDates(r as ItemListRow & Record<string, unknown>)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface PublishedVersion {
  itemId: string;
  versionId: string;
  versionNo: number;
  code: string;
  implementationCode: string;
  basicCode: string;
  name: string;
  regionCode: string;
  departmentId: string;
  publishedAt: string;
  content: ItemContent;
}

/**
 * The published version of an item, by id or by code (业务办理项编码, or an 实施编码 that names
 * exactly one item). For the cases module: a case binds to the version returned here.
 * Throws 404 NOT_FOUND for unknown items, 409 ITEM_NOT_PUBLISHED when nothing is published.
 */
export async function getPublishedVersion(q: Queryable, idOrCode: string): Promise<PublishedVersion> {
  let rows: { id: string }[];
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(idOrCode)) {
    rows = await q.query('select id from catalog_item where id = $1', [idOrCode]);
  } else {
    const kind = classifyCode(idOrCode);
    if (!kind || kind.kind === 'basic') {
      throw unprocessable('ITEM_CODE_INVALID', { reason: kind ? 'a basic code names many implementations' : 'unknown code format' }, { code: idOrCode });
    }
    rows = await q.query(`select id from catalog_item where ${kind.kind === 'handle' ? 'code' : 'implementation_code'} = $1 order by code`, [idOrCode]);
    if (rows.length > 1) throw conflict('ITEM_CODE_AMBIGUOUS', { code: idOrCode }, { code: idOrCode, count: rows.length });
  }
  if (!rows.length) throw notFound('item', idOrCode);
  const row = await q.one<PublishedVersion & Record<string, unknown>>(
    `select i.id as "itemId", v.id as "versionId", v.version_no as "versionNo", i.code, i.implementation_code as "implementationCode",
       i.basic_code as "basicCode", v.name, i.region_code as "regionCode", i.department_id as "departmentId", v.published_at as "publishedAt", v.content
     from catalog_item i join catalog_item_version v on v.id = i.published_version_id where i.id = $1`,
    [rows[0]!.id],
  );
  if (!row) throw conflict('ITEM_NOT_PUBLISHED', { code: idOrCode }, { code: idOrCode });
  return fixDates(row);
}

/** A specific version by id (published or retired), for cases bound to an older version. */
export async function getVersionById(q: Queryable, versionId: string): Promise<PublishedVersion | undefined> {
  const row = await q.one<PublishedVersion & Record<string, unknown>>(
    `select i.id as "itemId", v.id as "versionId", v.version_no as "versionNo", i.code, i.implementation_code as "implementationCode",
       i.basic_code as "basicCode", v.name, i.region_code as "regionCode", i.department_id as "departmentId", v.published_at as "publishedAt", v.content
     from catalog_item_version v join catalog_item i on i.id = v.item_id where v.id = $1 and v.status in ('published', 'retired')`,
    [versionId],
  );
  return row ? fixDates(row) : undefined;
}

