import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { allowKinds, requireScope } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { conflict, validationFailed } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { STATUS_OPERATIONS, type LicenceStatus } from './codes.ts';
import { feedLicenceLibrary } from './library.ts';
import { documentCodec, fetchReadable, ISSUE_ROLES, scopeOf, type LicenceDocument, type LicenceRow } from './store.ts';

export interface StatusOperationInput {
  operation: keyof typeof STATUS_OPERATIONS;
  /** Needed for 05, which ends a licence in one of several ways. */
  status?: LicenceStatus;
  reason: string;
  version: number;
}

/** The status an operation leads to: named by `status` for 05, which ends a licence in one of several ways. */
function targetStatus(input: StatusOperationInput): LicenceStatus {
  const rule = STATUS_OPERATIONS[input.operation];
  const to = input.status ?? (rule.to.length === 1 ? rule.to[0]! : undefined);
  if (!to || !rule.to.includes(to))
    throw validationFailed('status', `one of ${rule.to.join(', ')} for operation ${input.operation}`);
  return to;
}

/**
 * The status change itself, in the caller's transaction, after the caller has checked who may
 * make it: the licence row (optimistic `version`), its licence_operation row and the audit entry.
 * Staff actions and the revocation of a case's licences (revocation.ts) share it.
 */
export async function applyStatusInTx(ctx: AppContext, tx: Tx, actor: Actor, l: LicenceRow, input: StatusOperationInput) {
  const to = targetStatus(input);
  if (!STATUS_OPERATIONS[input.operation].from.includes(l.status)) {
    throw conflict('LICENCE_STATUS_CONFLICT', { status: l.status }, { status: l.status, operation: input.operation });
  }
  const updated = await tx.one(
    `update licence set status = $3, version = version + 1, updated_at = clock_now() where id = $1 and version = $2 returning version`,
    [l.id, input.version, to],
  );
  if (!updated) throw conflict('VERSION_CONFLICT', { current: l.version }, { current: l.version });
  await feedLicenceLibrary(ctx, tx, [{ doc: JSON.parse(documentCodec(ctx).open(l)) as LicenceDocument, status: to }]);
  await tx.query(
    `insert into licence_operation (id, licence_id, operation, status_from, status_to, reason, actor_kind, actor_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [uuidv7(), l.id, input.operation, l.status, to, input.reason, actor.kind, 'id' in actor ? actor.id : null],
  );
  await appendAudit(tx, actor, {
    action: 'licence.status',
    objectType: 'licence',
    objectId: l.id,
    regionCode: l.regionCode,
    details: { identifier: l.identifier, operation: input.operation, from: l.status, to, reason: input.reason },
  });
  return { id: l.id, identifier: l.identifier, status: to, version: Number(updated.version) };
}

/** 暂扣 (03), 暂扣发还 (06), 注销/撤销/吊销/转出 (05), 取消转出 (10) by staff of the issuing department. */
export async function applyStatusOperation(ctx: AppContext, actor: Actor, id: string, input: StatusOperationInput) {
  // a wrong status is bad input whatever the licence: answered before anything is read
  targetStatus(input);
  return ctx.db.transaction(async (tx) => {
    const l = await fetchReadable(tx, actor, id);
    requireScope(actor, ISSUE_ROLES, scopeOf(l));
    return applyStatusInTx(ctx, tx, actor, l, input);
  });
}

export async function listOperations(ctx: AppContext, actor: Actor, id: string) {
  allowKinds(actor, ['person', 'staff']);
  await fetchReadable(ctx.db, actor, id);
  const rows = await ctx.db.query<{
    operation: string;
    status_from: string | null;
    status_to: string;
    reason: string;
    actor_kind: string;
    at: Date | string;
  }>(
    'select operation, status_from, status_to, reason, actor_kind, at from licence_operation where licence_id = $1 order by at, id',
    [id],
  );
  return {
    items: rows.map((r) => ({
      operation: r.operation,
      statusFrom: r.status_from,
      statusTo: r.status_to,
      reason: r.reason,
      actorKind: r.actor_kind,
      at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
    })),
  };
}
