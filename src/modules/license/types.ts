import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireRole, requireScope, requireStaff } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import { departments } from '../org/index.ts';
import { checkFieldSpecs } from './fields.ts';
import type { LicenceType, LicenceTypeCreate, LicenceTypePatch } from './schemas.ts';

/** The catalogue is kept by the administrators and the data bureau (数据管理员), as the item catalogue is. */
const MANAGE_ROLES = ['administrator', 'data_officer'] as const;

export async function fetchType(q: Queryable, id: string): Promise<LicenceType | undefined> {
  const row = await q.one('select * from licence_type where id = $1', [id]);
  return row ? camelRow<LicenceType>(row) : undefined;
}

export async function fetchTypeByCode(q: Queryable, code: string): Promise<LicenceType | undefined> {
  const row = await q.one('select * from licence_type where code = $1', [code]);
  return row ? camelRow<LicenceType>(row) : undefined;
}

/** The catalogue is shared reference data: every staff member may read it. */
export async function listTypes(
  ctx: AppContext,
  actor: Actor,
  query: { regionCode?: string; q?: string; departmentId?: string },
) {
  requireStaff(actor);
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.regionCode) {
    params.push(`${regionPrefix(query.regionCode)}%`);
    where.push(`region_code like $${params.length}`);
  }
  if (query.q) {
    params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(name ilike $${params.length} or code ilike $${params.length})`);
  }
  if (query.departmentId) {
    params.push(query.departmentId);
    where.push(`$${params.length} = any(issuing_department_ids)`);
  }
  const rows = await ctx.db.query(
    `select * from licence_type ${where.length ? `where ${where.join(' and ')}` : ''} order by code limit 500`,
    params,
  );
  return { items: rows.map((r) => camelRow<LicenceType>(r)) };
}

export async function getType(ctx: AppContext, actor: Actor, id: string): Promise<LicenceType> {
  requireStaff(actor);
  const t = await fetchType(ctx.db, id);
  if (!t) throw notFound('licence_type', id);
  return t;
}

async function checkIssuers(q: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) throw validationFailed('issuingDepartmentIds', 'at least one');
  for (const [i, id] of ids.entries()) {
    if (!(await departments.fetch(q, id)))
      throw unprocessable('LICENCE_DEPARTMENT_NOT_FOUND', {}, { field: `issuingDepartmentIds.${i}` });
  }
}

export async function createType(ctx: AppContext, actor: Actor, input: LicenceTypeCreate): Promise<LicenceType> {
  requireRole(actor, MANAGE_ROLES);
  const definer = await departments.fetch(ctx.db, input.definingDepartmentId);
  if (!definer) throw unprocessable('LICENCE_DEPARTMENT_NOT_FOUND', {}, { field: 'definingDepartmentId' });
  requireScope(actor, MANAGE_ROLES, { regionCode: definer.regionCode, departmentId: definer.id });
  checkFieldSpecs(input.fields);
  await checkIssuers(ctx.db, input.issuingDepartmentIds);
  const id = uuidv7();
  const code = `${definer.uscc}${input.sequence}`;
  return ctx.db.transaction(async (tx) => {
    try {
      await tx.query(
        `insert into licence_type (id, code, name, holder_kind, defining_department_id, region_code, issuing_department_ids,
                                   fields, validity, template, catalogue_items)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          code,
          input.name,
          input.holderKind,
          definer.id,
          definer.regionCode,
          input.issuingDepartmentIds,
          JSON.stringify(input.fields),
          JSON.stringify(input.validity ?? {}),
          JSON.stringify(input.template ?? {}),
          input.catalogueItems ?? [],
        ],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('LICENCE_TYPE_CODE_TAKEN', { code });
      throw err;
    }
    await appendAudit(tx, actor, {
      action: 'licence_type.create',
      objectType: 'licence_type',
      objectId: id,
      regionCode: definer.regionCode,
      details: { code, name: input.name, issuingDepartmentIds: input.issuingDepartmentIds },
    });
    return (await fetchType(tx, id))!;
  });
}

/** Changes apply to licences issued from now on; issued ones carry their own signed copy. */
export async function updateType(ctx: AppContext, actor: Actor, id: string, patch: LicenceTypePatch): Promise<LicenceType> {
  return ctx.db.transaction(async (tx) => {
    const existing = await fetchType(tx, id);
    if (!existing) throw notFound('licence_type', id);
    requireScope(actor, MANAGE_ROLES, { regionCode: existing.regionCode, departmentId: existing.definingDepartmentId });
    if (patch.fields) checkFieldSpecs(patch.fields);
    if (patch.issuingDepartmentIds) await checkIssuers(tx, patch.issuingDepartmentIds);
    const sets: string[] = [];
    const params: unknown[] = [id, patch.version];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (patch.name !== undefined) set('name', patch.name);
    if (patch.issuingDepartmentIds) set('issuing_department_ids', patch.issuingDepartmentIds);
    if (patch.fields) set('fields', JSON.stringify(patch.fields));
    if (patch.validity) set('validity', JSON.stringify(patch.validity));
    if (patch.template) set('template', JSON.stringify(patch.template));
    if (patch.catalogueItems) set('catalogue_items', patch.catalogueItems);
    if (patch.status) set('status', patch.status);
    const updated = await tx.one(
      `update licence_type set ${[...sets, 'version = version + 1', 'updated_at = clock_now()'].join(', ')}
        where id = $1 and version = $2 returning id`,
      params,
    );
    if (!updated) throw conflict('VERSION_CONFLICT', { current: existing.version }, { current: existing.version });
    const { version: _v, ...changes } = patch;
    await appendAudit(tx, actor, {
      action: 'licence_type.update',
      objectType: 'licence_type',
      objectId: id,
      regionCode: existing.regionCode,
      details: changes,
    });
    return (await fetchType(tx, id))!;
  });
}
