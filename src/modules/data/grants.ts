import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireScope, requireStaff, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { conflict, notFound } from '../../kernel/errors.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { presentGrants, type GrantRow } from './demands.ts';
import type { Grant, GrantListQuery } from './schemas.ts';
import { fetchResourceRow, MANAGE_ROLES } from './store.ts';

/**
 * Grants (共享授权): `outgoing` those the caller's departments hold, `incoming` those given on
 * the resources the caller keeps; active ones first.
 */
export async function listGrants(ctx: AppContext, actor: Actor, query: GrantListQuery): Promise<PageResult<Grant>> {
  requireStaff(actor);
  const params: unknown[] = [];
  const side =
    query.box === 'outgoing'
      ? scopeCondition(actor, MANAGE_ROLES, { region: 'g.region_code', department: 'g.grantee_department_id' }, params)
      : scopeCondition(actor, MANAGE_ROLES, { region: 'r.region_code', department: 'r.provider_department_id' }, params);
  const where = [side];
  if (query.status) {
    params.push(query.status);
    where.push(`g.status = $${params.length}`);
  }
  const from = `from data_grant g join data_resource r on r.id = g.resource_id where ${where.join(' and ')}`;
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n ${from}`, params))?.n ?? 0);
  const rows = await ctx.db.query<GrantRow>(
    `select g.* ${from} order by (g.status = 'active') desc, g.valid_to, g.created_at desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items: await presentGrants(ctx.db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The provider takes a grant back (撤销授权), with the reason the grantee reads; the gateway refuses it from then on. */
export async function revokeGrant(ctx: AppContext, actor: Actor, id: string, input: { version: number; reason: string }): Promise<Grant> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const g = await tx.one<GrantRow>('select * from data_grant where id = $1 for update', [id]);
    const resource = g ? await fetchResourceRow(tx, g.resource_id) : undefined;
    const providerScope = resource ? { regionCode: resource.region_code, departmentId: resource.provider_department_id } : undefined;
    const granteeScope = g ? { regionCode: g.region_code, departmentId: g.grantee_department_id } : undefined;
    if (!g || !providerScope || !(canAct(actor, MANAGE_ROLES, providerScope) || canAct(actor, MANAGE_ROLES, granteeScope!))) throw notFound('data_grant', id);
    requireScope(actor, MANAGE_ROLES, providerScope);
    if (g.version !== input.version) throw conflict('VERSION_CONFLICT', { current: g.version }, { current: g.version });
    if (g.status !== 'active') throw conflict('DATA_GRANT_REVOKED', {});
    await tx.query(`update data_grant set status = 'revoked', revoked_reason = $2, version = version + 1, updated_at = clock_now() where id = $1`, [id, input.reason.trim()]);
    await appendAudit(tx, actor, { action: 'data_grant.revoke', objectType: 'data_grant', objectId: id, regionCode: resource!.region_code, details: { reason: input.reason.trim(), grantee: g.grantee_department_id } });
    const [revoked] = await presentGrants(tx, [(await tx.one<GrantRow>('select * from data_grant where id = $1', [id]))!]);
    return revoked!;
  });
}
