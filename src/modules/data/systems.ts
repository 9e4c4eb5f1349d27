import type { Actor } from '../../kernel/actor.ts';
import { actorId } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireRole, requireScope, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.ts';
import { clientRefs } from '../identity/index.ts';
import { departmentRefsById, departments } from '../org/index.ts';
import type { DataSystem, SystemBind, SystemChange } from './schemas-exchange.ts';

/** Who binds department systems to departments: administrators and data officers over the department. */
export const SYSTEM_ROLES = ['administrator', 'data_officer'] as const;

export type SystemRow = {
  client_id: string;
  department_id: string;
  region_code: string;
  rate_limit: number;
  status: 'active' | 'suspended';
  bound_at: Date;
  version: number;
};

async function present(q: Queryable, rows: SystemRow[]): Promise<DataSystem[]> {
  const [clients, depts] = await Promise.all([clientRefs(q, rows.map((r) => r.client_id)), departmentRefsById(q, rows.map((r) => r.department_id))]);
  return rows.map((r) => ({
    clientId: r.client_id,
    clientName: clients.get(r.client_id)?.name ?? r.client_id,
    departmentId: r.department_id,
    departmentName: depts.get(r.department_id)?.name ?? '',
    regionCode: r.region_code,
    rateLimit: r.rate_limit,
    status: r.status,
    boundAt: new Date(r.bound_at).toISOString(),
    version: r.version,
  }));
}

export async function listSystems(ctx: AppContext, actor: Actor): Promise<{ items: DataSystem[] }> {
  requireRole(actor, SYSTEM_ROLES);
  const params: unknown[] = [];
  const where = scopeCondition(actor, SYSTEM_ROLES, { region: 'region_code', department: 'department_id' }, params);
  return { items: await present(ctx.db, await ctx.db.query<SystemRow>(`select * from data_system where ${where} order by bound_at`, params)) };
}

/**
 * A department system (an OIDC client that calls with client credentials) is bound to one
 * department: through the gateway it uses that department's grants and nothing else. A system
 * is bound once; moving it to another department is unbinding and binding anew (never silently).
 */
export async function bindSystem(ctx: AppContext, actor: Actor, input: SystemBind): Promise<DataSystem> {
  const department = await departments.fetch(ctx.db, input.departmentId);
  if (!department) throw unprocessable('DATA_DEPARTMENT_NOT_FOUND', {}, { field: 'departmentId' });
  requireScope(actor, SYSTEM_ROLES, { regionCode: department.regionCode, departmentId: department.id });
  const client = (await clientRefs(ctx.db, [input.clientId])).get(input.clientId);
  if (!client || client.firstParty) throw unprocessable('DATA_SYSTEM_CLIENT_UNKNOWN', { clientId: input.clientId }, { field: 'clientId' });
  if (!client.clientCredentials) throw unprocessable('DATA_SYSTEM_NOT_CLIENT_CREDENTIALS', { clientId: input.clientId }, { field: 'clientId' });
  return ctx.db.transaction(async (tx) => {
    try {
      await tx.query('savepoint bind');
      await tx.query('insert into data_system (client_id, department_id, region_code, rate_limit, bound_by) values ($1, $2, $3, $4, $5)', [
        input.clientId,
        department.id,
        department.regionCode,
        input.rateLimit ?? 50,
        actorId(actor),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('DATA_SYSTEM_BOUND', { clientId: input.clientId });
      throw err;
    }
    await appendAudit(tx, actor, { action: 'data_system.bind', objectType: 'data_system', objectId: input.clientId, regionCode: department.regionCode, details: { department: department.id } });
    const [bound] = await present(tx, [(await tx.one<SystemRow>('select * from data_system where client_id = $1', [input.clientId]))!]);
    return bound!;
  });
}

async function lockSystem(q: Queryable, actor: Actor, clientId: string, version: number): Promise<SystemRow> {
  const row = await q.one<SystemRow>('select * from data_system where client_id = $1 for update', [clientId]);
  if (!row || !canAct(actor, SYSTEM_ROLES, { regionCode: row.region_code, departmentId: row.department_id })) throw notFound('data_system', clientId);
  if (row.version !== version) throw conflict('VERSION_CONFLICT', { current: row.version }, { current: row.version });
  return row;
}

/** Suspend or resume a system, or change its rate limit; the gateway applies it to the next call. */
export async function changeSystem(ctx: AppContext, actor: Actor, clientId: string, input: SystemChange): Promise<DataSystem> {
  requireRole(actor, SYSTEM_ROLES);
  return ctx.db.transaction(async (tx) => {
    const row = await lockSystem(tx, actor, clientId, input.version);
    await tx.query('update data_system set status = $2, rate_limit = $3, version = version + 1 where client_id = $1', [clientId, input.status, input.rateLimit]);
    await appendAudit(tx, actor, { action: 'data_system.change', objectType: 'data_system', objectId: clientId, regionCode: row.region_code, details: { status: input.status, rateLimit: input.rateLimit } });
    const [changed] = await present(tx, [(await tx.one<SystemRow>('select * from data_system where client_id = $1', [clientId]))!]);
    return changed!;
  });
}

export async function unbindSystem(ctx: AppContext, actor: Actor, clientId: string, version: number): Promise<void> {
  requireRole(actor, SYSTEM_ROLES);
  await ctx.db.transaction(async (tx) => {
    const row = await lockSystem(tx, actor, clientId, version);
    await tx.query('delete from data_system where client_id = $1', [clientId]);
    await appendAudit(tx, actor, { action: 'data_system.unbind', objectType: 'data_system', objectId: clientId, regionCode: row.region_code, details: { department: row.department_id } });
  });
}
