import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { allowKinds, requireScope, requireStaff } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import {
  AppError,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  unauthenticated,
  validationFailed,
} from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import { validateUscc } from '../../kernel/validate/index.ts';
import { departments } from '../org/index.ts';
import { viewOf } from './service.ts';
import { documentCodec, enterpriseOf, fetchLicence, isHolder, type LicenceRow } from './store.ts';
import type { UseRequest } from './schemas.ts';
import { fetchType } from './types.ts';
import { recordUse } from './verify.ts';
import * as clock from '../../kernel/clock.ts';

/**
 * 用证 with consent. An administrator grants a department or an enterprise the right to ask
 * for licences of a type (共享授权), optionally without the holder's consent where a law says
 * so (the legal basis is recorded). A grantee asks for one holder's licence for a stated purpose
 * (用证事由); the holder approves or refuses in the wallet; every use lands in the holder's log.
 */
const REQUEST_DAYS = 7;

export interface GrantInput {
  departmentId?: string;
  enterpriseUscc?: string;
  enterpriseName?: string;
  withoutConsent: boolean;
  legalBasis?: string;
}

interface GrantRow {
  id: string;
  typeId: string;
  granteeKind: 'department' | 'enterprise';
  granteeRef: string;
  granteeName: string;
  withoutConsent: boolean;
  legalBasis: string;
  createdAt: string;
}

export async function grantUse(ctx: AppContext, actor: Actor, typeId: string, input: GrantInput): Promise<GrantRow> {
  const type = await fetchType(ctx.db, typeId);
  if (!type) throw notFound('licence_type', typeId);
  requireScope(actor, ['administrator'], { regionCode: type.regionCode, departmentId: type.definingDepartmentId });
  if (Boolean(input.departmentId) === Boolean(input.enterpriseUscc))
    throw validationFailed('departmentId', 'give exactly one of departmentId or enterpriseUscc');
  if (input.withoutConsent && !input.legalBasis?.trim())
    throw validationFailed('legalBasis', 'required when no consent is asked');
  let grantee: { kind: 'department' | 'enterprise'; ref: string; name: string };
  if (input.departmentId) {
    const d = await departments.fetch(ctx.db, input.departmentId);
    if (!d) throw new AppError('LICENCE_DEPARTMENT_NOT_FOUND', 422, {}, { field: 'departmentId' });
    grantee = { kind: 'department', ref: d.id, name: d.name };
  } else {
    const uscc = input.enterpriseUscc!.toUpperCase();
    const check = validateUscc(uscc);
    if (!check.ok) throw validationFailed('enterpriseUscc', check.reason);
    if (!input.enterpriseName?.trim()) throw validationFailed('enterpriseName', 'required');
    grantee = { kind: 'enterprise', ref: uscc, name: input.enterpriseName.trim() };
  }
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    try {
      await tx.query(
        `insert into licence_use_grant (id, type_id, grantee_kind, grantee_ref, grantee_name, without_consent, legal_basis)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, typeId, grantee.kind, grantee.ref, grantee.name, input.withoutConsent, input.legalBasis?.trim() ?? ''],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('LICENCE_USE_GRANT_EXISTS');
      throw err;
    }
    await appendAudit(tx, actor, {
      action: 'licence_type.grant_use',
      objectType: 'licence_type',
      objectId: typeId,
      regionCode: type.regionCode,
      details: { grantee, withoutConsent: input.withoutConsent, legalBasis: input.legalBasis ?? '' },
    });
    return camelRow<GrantRow>((await tx.one('select * from licence_use_grant where id = $1', [id]))!);
  });
}

export async function listGrants(ctx: AppContext, actor: Actor, typeId: string) {
  requireStaff(actor);
  const rows = await ctx.db.query('select * from licence_use_grant where type_id = $1 order by created_at', [typeId]);
  return { items: rows.map((r) => camelRow<GrantRow>(r)) };
}

/** Who is asking: a staff member for their department, or a person acting for an enterprise. */
function requesterOf(actor: Actor): { kind: 'department' | 'enterprise'; ref: string } {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind === 'staff' && actor.departmentId) return { kind: 'department', ref: actor.departmentId };
  const uscc = enterpriseOf(actor);
  if (uscc) return { kind: 'enterprise', ref: uscc };
  throw forbidden({ required: 'department staff or enterprise' });
}

/** A use request as the API shows it (the route schema's type). */
export type UseRequestView = UseRequest;

const SELECT = `r.*, g.legal_basis, l.identifier, t.name as type_name
  from licence_use_request r join licence_use_grant g on g.id = r.grant_id
  join licence l on l.id = r.licence_id join licence_type t on t.id = l.type_id`;

function present(row: Record<string, unknown>): UseRequestView {
  const r = camelRow<UseRequestView & { legalBasis: string }>(row);
  return {
    id: r.id,
    licenceId: r.licenceId,
    identifier: r.identifier,
    typeName: r.typeName,
    purpose: r.purpose,
    status: r.status,
    requesterName: r.requesterName,
    legalBasis: r.legalBasis,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    expiresAt: r.expiresAt,
  };
}

/** Ask to use a holder's licence of a type. Refused outright without a grant for that type. */
export async function requestUse(
  ctx: AppContext,
  actor: Actor,
  input: { typeId: string; holderCode: string; purpose: string },
): Promise<UseRequestView> {
  const requester = requesterOf(actor);
  if (!input.purpose.trim()) throw validationFailed('purpose', 'required');
  const grant = await ctx.db.one<{ id: string; without_consent: boolean; legal_basis: string; grantee_name: string }>(
    'select id, without_consent, legal_basis, grantee_name from licence_use_grant where type_id = $1 and grantee_kind = $2 and grantee_ref = $3',
    [input.typeId, requester.kind, requester.ref],
  );
  if (!grant) throw new AppError('LICENCE_USE_NOT_GRANTED', 403, {}, { typeId: input.typeId });
  const index = documentCodec(ctx).holderIndex(input.holderCode.trim().toUpperCase());
  const held = await ctx.db.one(
    `select * from licence where type_id = $1 and holder_code_index = $2 and status = '01'
        and (valid_to is null or valid_to >= clock_today())
      order by issued_at desc limit 1`,
    [input.typeId, index],
  );
  if (!held) throw new AppError('LICENCE_NOT_HELD', 404);
  const licence = camelRow<LicenceRow>(held);
  const id = uuidv7();
  const lawful = grant.without_consent;
  return ctx.db.transaction(async (tx) => {
    await tx.query(
      `insert into licence_use_request (id, licence_id, grant_id, purpose, status, requester_kind, requester_id, requester_name,
                                        decided_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_now() + make_interval(days => $10))`,
      [
        id,
        licence.id,
        grant.id,
        input.purpose.trim(),
        lawful ? 'lawful' : 'pending',
        actor.kind,
        'id' in actor ? actor.id : null,
        grant.grantee_name,
        lawful ? clock.now() : null,
        REQUEST_DAYS,
      ],
    );
    if (lawful) {
      await recordUse(tx, actor, licence, {
        kind: 'exchange',
        purpose: `${input.purpose.trim()}（依据：${grant.legal_basis}）`,
        userDepartmentId: requester.kind === 'department' ? requester.ref : null,
        userName: grant.grantee_name,
      });
    }
    await appendAudit(tx, actor, {
      action: 'licence.use_request',
      objectType: 'licence',
      objectId: licence.id,
      regionCode: licence.regionCode,
      details: { requestId: id, requester, purpose: input.purpose.trim(), lawful },
    });
    return present((await tx.one(`select ${SELECT} where r.id = $1`, [id]))!);
  });
}

/** The requester reads its request; the licence comes with it once usable. */
export async function getUseRequest(ctx: AppContext, actor: Actor, id: string): Promise<UseRequestView> {
  allowKinds(actor, ['person', 'staff']);
  const row = await ctx.db.one<{
    requester_kind: string;
    requester_id: string | null;
    status: string;
    expires_at: Date | string;
  }>(`select ${SELECT} where r.id = $1`, [id]);
  if (!row || row.requester_kind !== actor.kind || row.requester_id !== ('id' in actor ? actor.id : null))
    throw notFound('licence_use_request', id);
  const view = present(row);
  const usable = (view.status === 'approved' || view.status === 'lawful') && new Date(row.expires_at) > clock.now();
  if (!usable) return view;
  // The holder's consent (or the law) is the authorisation to read this licence.
  const l = (await fetchLicence(ctx.db, view.licenceId))!;
  return { ...view, licence: await viewOf(ctx, l) };
}

/** The holder's requests: pending ones to answer, and the answered ones. */
export async function walletRequests(ctx: AppContext, actor: Actor): Promise<{ items: UseRequestView[] }> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'person' });
  const uscc = enterpriseOf(actor);
  const rows = await ctx.db.query(
    `select ${SELECT} where (l.holder_kind = 'person' and l.holder_ref = $1) or (l.holder_kind = 'enterprise' and l.holder_ref = $2)
      order by r.created_at desc limit 200`,
    [actor.id, uscc ?? null],
  );
  return { items: rows.map(present) };
}

export async function decideUseRequest(ctx: AppContext, actor: Actor, id: string, approve: boolean): Promise<UseRequestView> {
  return ctx.db.transaction(async (tx) => {
    const row = await tx.one<{
      licence_id: string;
      status: string;
      expires_at: Date | string;
      requester_name: string;
      purpose: string;
      requester_kind: string;
      requester_id: string | null;
      grant_id: string;
    }>('select * from licence_use_request where id = $1 for update', [id]);
    const l = row ? await fetchLicence(tx, row.licence_id) : undefined;
    if (!row || !l || !isHolder(actor, l)) throw notFound('licence_use_request', id);
    if (row.status !== 'pending') throw conflict('LICENCE_USE_REQUEST_DECIDED', { status: row.status });
    if (new Date(row.expires_at) <= clock.now()) throw conflict('LICENCE_USE_REQUEST_DECIDED', { status: 'expired' });
    await tx.query('update licence_use_request set status = $2, decided_at = clock_now() where id = $1', [
      id,
      approve ? 'approved' : 'refused',
    ]);
    if (approve) {
      const grant = await tx.one<{ grantee_kind: string; grantee_ref: string }>(
        'select grantee_kind, grantee_ref from licence_use_grant where id = $1',
        [row.grant_id],
      );
      await recordUse(tx, actor, l, {
        kind: 'exchange',
        purpose: row.purpose,
        userDepartmentId: grant?.grantee_kind === 'department' ? grant.grantee_ref : null,
        userName: row.requester_name,
      });
    }
    await appendAudit(tx, actor, {
      action: approve ? 'licence.use_approved' : 'licence.use_refused',
      objectType: 'licence',
      objectId: l.id,
      regionCode: l.regionCode,
      details: { requestId: id },
    });
    return present((await tx.one(`select ${SELECT} where r.id = $1`, [id]))!);
  });
}
