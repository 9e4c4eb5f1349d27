import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.ts';
import { emitAll } from '../../kernel/events/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { likeContains } from '../../kernel/sql/paging.ts';
import { departmentRefsById } from '../org/index.ts';
import { canReadDrafts, isBureau, readScopeSql, requireBureau } from './access.ts';
import { mergeBundle, type MergeInput } from './bundle-merge.ts';
import type { BundleDetail, BundleInput, BundleMember, BundleMemberInput, BundleRow, BundleStatus } from './bundle-schemas.ts';
import type { ItemContent } from './content.ts';
import { BUNDLE_PUBLISHED, BUNDLE_RETIRED } from './events.ts';
import { bumpSearchGeneration } from './items.ts';

/**
 * 一件事 (bundles): items applied for together. Members run in steps — members sharing a step
 * run in parallel, a higher step follows the lower ones. A member is an item (by its code) or
 * another bundle (by its bundle code); a bundle may never contain itself, directly or not.
 * Bundles are edited, published and retired by the data bureau; the public reads published ones.
 */

const COLS = `b.id, b.code, b.name, b.region_code as "regionCode", b.lead_department_id as "leadDepartmentId", b.audience, b.status,
  b.content, b.version, b.created_at as "createdAt", b.updated_at as "updatedAt", b.published_at as "publishedAt"`;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v));
const fix = (r: BundleRow): BundleRow => ({
  ...r,
  createdAt: iso(r.createdAt)!,
  updatedAt: iso(r.updatedAt)!,
  publishedAt: iso(r.publishedAt),
});
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

async function fetchBundle(q: Queryable, idOrCode: string): Promise<BundleRow | undefined> {
  return (await fetchBundles(q, [idOrCode]))(idOrCode);
}

/** Bundles by id or code, in one look-up; returns how to find one of them. */
async function fetchBundles(q: Queryable, idsOrCodes: string[]): Promise<(idOrCode: string) => BundleRow | undefined> {
  const rows = await q.query<BundleRow & Record<string, unknown>>(`select ${COLS} from catalog_bundle b where b.id = any($1::uuid[]) or b.code = any($2::text[])`, [
    idsOrCodes.filter(isUuid),
    idsOrCodes.filter((x) => !isUuid(x)),
  ]);
  const bundles = rows.map(fix);
  return (idOrCode) => bundles.find((b) => (isUuid(idOrCode) ? b.id === idOrCode : b.code === idOrCode));
}

const canSeeDraft = (actor: Actor, b: { regionCode: string }) => canReadDrafts(actor, b) || isBureau(actor, b);

/** Published bundles to everyone; drafts and retired ones to catalogue staff in scope (404 otherwise). */
async function visibleBundle(q: Queryable, actor: Actor, idOrCode: string): Promise<BundleRow> {
  const b = await fetchBundle(q, idOrCode);
  if (!b || (b.status !== 'published' && !canSeeDraft(actor, b))) throw notFound('bundle', idOrCode);
  return b;
}

export interface BundleListQuery {
  q?: string;
  status?: BundleStatus;
  regionCode?: string;
  audience?: 'person' | 'entity';
  page: number;
  pageSize: number;
}

export async function listBundles(db: Queryable, actor: Actor, query: BundleListQuery) {
  const params: unknown[] = [];
  const staffScope = readScopeSql(actor, { region: 'b.region_code', department: 'b.lead_department_id' }, params);
  // Bureau members see every bundle of their region whether or not a department grant matches.
  const where = [`(b.status = 'published' or ${staffScope})`];
  if (query.q) {
    params.push(likeContains(query.q));
    where.push(`(b.name ilike $${params.length} or b.code ilike $${params.length})`);
  }
  if (query.status) {
    params.push(query.status);
    where.push(`b.status = $${params.length}`);
  }
  if (query.audience) {
    params.push(query.audience);
    where.push(`b.audience = $${params.length}`);
  }
  if (query.regionCode) {
    params.push(`${regionPrefix(query.regionCode)}%`);
    where.push(`b.region_code like $${params.length}`);
  }
  const rows = await db.query<BundleRow & { memberCount: number; total: number } & Record<string, unknown>>(
    `select ${COLS}, (select count(*) from catalog_bundle_member m where m.bundle_id = b.id) as "memberCount", count(*) over () as total
     from catalog_bundle b where ${where.join(' and ')} order by b.code limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return {
    items: rows.map(({ total: _t, memberCount, ...r }) => ({ ...fix(r as BundleRow), memberCount: Number(memberCount) })),
    total: rows.length ? Number(rows[0]!.total) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

interface MemberRow {
  position: number;
  item_id: string | null;
  child_bundle_id: string | null;
  step: number;
  optional: boolean;
  condition: string;
}

async function membersOf(q: Queryable, bundleId: string): Promise<MemberRow[]> {
  return q.query<MemberRow & Record<string, unknown>>(
    `select position, item_id, child_bundle_id, step, optional, condition from catalog_bundle_member where bundle_id = $1 order by step, position`,
    [bundleId],
  );
}

interface ItemRef {
  id: string;
  code: string;
  name: string;
  status: string;
  versionNo: number | null;
  content: ItemContent | null;
}

async function itemRefs(q: Queryable, ids: string[]): Promise<Map<string, ItemRef>> {
  if (!ids.length) return new Map();
  const rows = await q.query<ItemRef & Record<string, unknown>>(
    `select i.id, i.code, i.status, coalesce(p.name, l.name) as name, p.version_no as "versionNo", p.content
     from catalog_item i
     left join catalog_item_version p on p.id = i.published_version_id
     join lateral (select name from catalog_item_version v where v.item_id = i.id order by v.version_no desc limit 1) l on true
     where i.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Items of a bundle and of its nested bundles, depth first, once each. */
async function flattenItems(
  q: Queryable,
  bundleId: string,
  seen = new Set<string>(),
): Promise<{ itemId: string; step: number }[]> {
  if (seen.has(bundleId)) return [];
  seen.add(bundleId);
  const out: { itemId: string; step: number }[] = [];
  for (const m of await membersOf(q, bundleId)) {
    if (m.item_id) out.push({ itemId: m.item_id, step: m.step });
    else if (m.child_bundle_id)
      out.push(...(await flattenItems(q, m.child_bundle_id, seen)).map((x) => ({ ...x, step: m.step })));
  }
  return out;
}

export async function getBundle(db: Queryable, actor: Actor, idOrCode: string): Promise<BundleDetail> {
  const b = await visibleBundle(db, actor, idOrCode);
  const members = await membersOf(db, b.id);
  const childIds = members.flatMap((m) => (m.child_bundle_id ? [m.child_bundle_id] : []));
  const children = childIds.length
    ? new Map(
        (
          await db.query<{ id: string; code: string; name: string; status: string }>(
            'select id, code, name, status from catalog_bundle where id = any($1::uuid[])',
            [childIds],
          )
        ).map((r) => [r.id, r]),
      )
    : new Map<string, { id: string; code: string; name: string; status: string }>();
  const flat = await flattenItems(db, b.id);
  const refs = await itemRefs(db, [...new Set(flat.map((f) => f.itemId))]);
  const stepMap = new Map<number, BundleMember[]>();
  for (const m of members) {
    const ref = m.item_id ? refs.get(m.item_id) : children.get(m.child_bundle_id!);
    const member: BundleMember = {
      position: m.position,
      kind: m.item_id ? 'item' : 'bundle',
      id: (m.item_id ?? m.child_bundle_id)!,
      code: ref?.code ?? '',
      name: ref?.name ?? '',
      step: m.step,
      optional: m.optional,
      condition: m.condition,
      published: ref?.status === 'published',
    };
    stepMap.set(m.step, [...(stepMap.get(m.step) ?? []), member]);
  }
  const steps = [...stepMap.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, list]) => ({ step, mode: list.length > 1 ? ('parallel' as const) : ('sequence' as const), members: list }));
  const items: BundleDetail['items'] = [];
  const mergeInput: MergeInput[] = [];
  for (const id of new Set(flat.map((f) => f.itemId))) {
    const r = refs.get(id);
    // Only published content is merged: a draft item's form is not yet what citizens fill.
    if (!r?.content || r.versionNo === null) continue;
    items.push({ itemId: r.id, code: r.code, name: r.name, versionNo: r.versionNo });
    mergeInput.push({ itemId: r.id, code: r.code, name: r.name, content: r.content });
  }
  const merged = mergeBundle(mergeInput);
  const lead = b.leadDepartmentId ? (await departmentRefsById(db, [b.leadDepartmentId])).get(b.leadDepartmentId) : undefined;
  return {
    bundle: { ...b, leadDepartmentName: lead?.name ?? null, itemCount: items.length },
    steps,
    items,
    form: merged.form,
    materials: merged.materials,
    materialsBeforeMerge: merged.materialsBeforeMerge,
    guide: { name: b.name, ...b.content },
    permissions: { edit: isBureau(actor, b) },
  };
}

interface ResolvedMember {
  itemId: string | null;
  childBundleId: string | null;
  step: number;
  optional: boolean;
  condition: string;
  published: boolean;
}

/** Items a member code may name: by 业务办理项编码 or 实施编码, all members' codes in one look-up. */
async function memberItems(tx: Tx, members: BundleMemberInput[]) {
  const codes = members.flatMap((m) => (m.itemCode === undefined ? [] : [m.itemCode]));
  const rows = codes.length
    ? await tx.query<{ id: string; code: string; implementationCode: string; status: string }>(
        `select id, code, implementation_code as "implementationCode", status from catalog_item
         where code = any($1::text[]) or implementation_code = any($1::text[]) order by code`,
        [codes],
      )
    : [];
  return (code: string) => rows.filter((r) => r.code === code || r.implementationCode === code).slice(0, 2);
}

/** Resolves member codes; unknown codes and cycles are refused with the member's index. */
async function resolveMembers(tx: Tx, bundleId: string, members: BundleMemberInput[]): Promise<ResolvedMember[]> {
  const out: ResolvedMember[] = [];
  const seenItems = new Set<string>();
  const itemsNamed = await memberItems(tx, members);
  for (const [i, m] of members.entries()) {
    const field = `members.${i}`;
    if ((m.itemCode === undefined) === (m.bundleCode === undefined))
      throw unprocessable('BUNDLE_MEMBER_SHAPE', { index: i }, { field });
    const base = { step: m.step, optional: m.optional ?? false, condition: m.condition ?? '' };
    if (m.itemCode !== undefined) {
      const rows = itemsNamed(m.itemCode);
      if (!rows.length)
        throw unprocessable('BUNDLE_ITEM_UNKNOWN', { code: m.itemCode }, { field: `${field}.itemCode`, code: m.itemCode });
      if (rows.length > 1)
        throw unprocessable('ITEM_CODE_AMBIGUOUS', { code: m.itemCode }, { field: `${field}.itemCode`, code: m.itemCode });
      if (seenItems.has(rows[0]!.id))
        throw unprocessable('BUNDLE_MEMBER_DUPLICATE', { code: m.itemCode }, { field: `${field}.itemCode` });
      seenItems.add(rows[0]!.id);
      out.push({ itemId: rows[0]!.id, childBundleId: null, published: rows[0]!.status === 'published', ...base });
    } else {
      const child = await fetchBundle(tx, m.bundleCode!);
      if (!child)
        throw unprocessable('BUNDLE_UNKNOWN', { code: m.bundleCode! }, { field: `${field}.bundleCode`, code: m.bundleCode });
      if (child.id === bundleId || (await contains(tx, child.id, bundleId))) {
        throw unprocessable('BUNDLE_CYCLE', { code: m.bundleCode! }, { field: `${field}.bundleCode`, code: m.bundleCode });
      }
      if (seenItems.has(child.id))
        throw unprocessable('BUNDLE_MEMBER_DUPLICATE', { code: m.bundleCode! }, { field: `${field}.bundleCode` });
      seenItems.add(child.id);
      out.push({ itemId: null, childBundleId: child.id, published: child.status === 'published', ...base });
    }
  }
  return out;
}

/** Whether bundle `outer` contains bundle `target` at any depth. */
async function contains(q: Queryable, outer: string, target: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `with recursive sub(id) as (
       select child_bundle_id from catalog_bundle_member where bundle_id = $1 and child_bundle_id is not null
       union
       select m.child_bundle_id from catalog_bundle_member m join sub on m.bundle_id = sub.id where m.child_bundle_id is not null
     ) select id from sub where id = $2 limit 1`,
    [outer, target],
  );
  return rows.length > 0;
}

/** The lead departments named must exist (one look-up for a list of bundles). */
async function checkLeads(q: Queryable, inputs: { leadDepartmentId?: string }[]) {
  const ids = inputs.flatMap((i) => (i.leadDepartmentId ? [i.leadDepartmentId] : []));
  const found = await departmentRefsById(q, ids);
  if (ids.some((id) => !found.has(id))) throw unprocessable('REFERENCE_NOT_FOUND', { field: 'leadDepartmentId' }, { field: 'leadDepartmentId' });
}

async function writeMembers(tx: Tx, bundleId: string, members: ResolvedMember[]) {
  await tx.query('delete from catalog_bundle_member where bundle_id = $1', [bundleId]);
  await tx.query(
    `insert into catalog_bundle_member (bundle_id, position, item_id, child_bundle_id, step, optional, condition)
     select $1, position - 1, item_id, child_bundle_id, step, optional, condition
     from unnest($2::uuid[], $3::uuid[], $4::smallint[], $5::boolean[], $6::text[]) with ordinality as m(item_id, child_bundle_id, step, optional, condition, position)`,
    [bundleId, members.map((m) => m.itemId), members.map((m) => m.childBundleId), members.map((m) => m.step), members.map((m) => m.optional), members.map((m) => m.condition)],
  );
}

/** Every required member must be published before the bundle is (optional ones too: citizens may pick them). */
function assertPublishable(members: { published: boolean }[], codes: string[]) {
  const missing = members.flatMap((m, i) => (m.published ? [] : [codes[i] ?? String(i)]));
  if (missing.length) throw unprocessable('BUNDLE_MEMBER_NOT_PUBLISHED', { codes: missing.join(', ') }, { codes: missing });
}

const memberCodes = (members: BundleMemberInput[]) => members.map((m) => m.itemCode ?? m.bundleCode ?? '');

export async function createBundle(db: Db, actor: Actor, input: BundleInput): Promise<string> {
  return (await createBundles(db, actor, [input]))[0]!;
}

/** createBundle for a list, in one transaction (a city's starting bundles); a bundle may contain one created before it. */
export async function createBundles(db: Db, actor: Actor, inputs: BundleInput[]): Promise<string[]> {
  for (const input of inputs) requireBureau(actor, { regionCode: input.regionCode });
  return db.transaction(async (tx) => {
    await checkLeads(tx, inputs);
    const ids: string[] = [];
    for (const input of inputs) {
      const id = uuidv7();
      const members = await resolveMembers(tx, id, input.members);
      try {
        await tx.query(
          `insert into catalog_bundle (id, code, name, region_code, lead_department_id, audience, status, content) values ($1, $2, $3, $4, $5, $6, 'draft', $7::jsonb)`,
          [
            id,
            input.code,
            input.name,
            input.regionCode,
            input.leadDepartmentId ?? null,
            input.audience,
            JSON.stringify({ ...input.content, audience: input.audience }),
          ],
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('BUNDLE_CODE_TAKEN', { code: input.code }, { field: 'code' });
        throw err;
      }
      await writeMembers(tx, id, members);
      await appendAudit(tx, actor, {
        action: 'catalog.bundle.create',
        objectType: 'catalog_bundle',
        objectId: id,
        regionCode: input.regionCode,
        details: { code: input.code },
      });
      ids.push(id);
    }
    return ids;
  });
}

/**
 * Replaces name, content and members (optimistic lock on `version`). A published bundle stays
 * published, so its new members must be published too; the code and region never change.
 */
export async function updateBundle(
  db: Db,
  actor: Actor,
  idOrCode: string,
  input: Omit<BundleInput, 'code' | 'regionCode'> & { version: number },
) {
  return db.transaction(async (tx) => {
    const b = await visibleBundle(tx, actor, idOrCode);
    requireBureau(actor, b);
    if (b.status === 'retired') throw conflict('BUNDLE_RETIRED', { code: b.code });
    if (b.version !== input.version) throw conflict('VERSION_CONFLICT', {}, { current: b.version });
    await checkLeads(tx, [input]);
    const members = await resolveMembers(tx, b.id, input.members);
    if (b.status === 'published') assertPublishable(members, memberCodes(input.members));
    await tx.query(
      `update catalog_bundle set name = $2, lead_department_id = $3, audience = $4, content = $5::jsonb, version = version + 1, updated_at = clock_now() where id = $1`,
      [
        b.id,
        input.name,
        input.leadDepartmentId ?? null,
        input.audience,
        JSON.stringify({ ...input.content, audience: input.audience }),
      ],
    );
    await writeMembers(tx, b.id, members);
    if (b.status === 'published') await bumpSearchGeneration(tx);
    await appendAudit(tx, actor, {
      action: 'catalog.bundle.update',
      objectType: 'catalog_bundle',
      objectId: b.id,
      regionCode: b.regionCode,
      details: { code: b.code },
    });
    return b.id;
  });
}

export type BundleAction = 'publish' | 'retire';

export async function transitionBundle(db: Db, actor: Actor, idOrCode: string, action: BundleAction): Promise<string> {
  return (await transitionBundles(db, actor, [idOrCode], action))[0]!;
}

/** transitionBundle for a list of bundles (by id or code), in one transaction; the first refusal undoes them all. */
export async function transitionBundles(db: Db, actor: Actor, idsOrCodes: string[], action: BundleAction): Promise<string[]> {
  return db.transaction(async (tx) => {
    const found = await fetchBundles(tx, idsOrCodes);
    const bundles = idsOrCodes.map((idOrCode) => {
      const b = found(idOrCode);
      if (!b || (b.status !== 'published' && !canSeeDraft(actor, b))) throw notFound('bundle', idOrCode);
      requireBureau(actor, b);
      const from: BundleStatus[] = action === 'publish' ? ['draft', 'retired'] : ['published'];
      if (!from.includes(b.status)) throw conflict('BUNDLE_TRANSITION', { action, status: b.status }, { action, status: b.status });
      return b;
    });
    const ids = bundles.map((b) => b.id);
    if (action === 'publish') {
      const rows = await tx.query<{ bundleId: string; code: string; published: boolean }>(
        `select m.bundle_id as "bundleId", coalesce(i.code, c.code) as code, coalesce(i.status, c.status) = 'published' as published
         from catalog_bundle_member m left join catalog_item i on i.id = m.item_id left join catalog_bundle c on c.id = m.child_bundle_id
         where m.bundle_id = any($1::uuid[]) order by m.position`,
        [ids],
      );
      for (const id of ids) {
        const members = rows.filter((r) => r.bundleId === id);
        assertPublishable(
          members,
          members.map((r) => r.code),
        );
      }
      await tx.query(
        `update catalog_bundle set status = 'published', published_at = clock_now(), version = version + 1, updated_at = clock_now() where id = any($1::uuid[])`,
        [ids],
      );
    } else {
      await tx.query(`update catalog_bundle set status = 'retired', version = version + 1, updated_at = clock_now() where id = any($1::uuid[])`, [ids]);
    }
    await bumpSearchGeneration(tx);
    await emitAll(
      tx,
      action === 'publish' ? BUNDLE_PUBLISHED : BUNDLE_RETIRED,
      bundles.map((b) => ({ payload: { bundleId: b.id, code: b.code }, regionCode: b.regionCode })),
    );
    for (const b of bundles) {
      await appendAudit(tx, actor, {
        action: `catalog.bundle.${action}`,
        objectType: 'catalog_bundle',
        objectId: b.id,
        regionCode: b.regionCode,
        details: { code: b.code },
      });
    }
    return ids;
  });
}
