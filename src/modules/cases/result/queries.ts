import type { Actor } from '../../../kernel/actor.ts';
import { canAct } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { sm3Hex } from '../../../kernel/crypto/sm3.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import type { PersonCodeType } from '../../../kernel/validate/index.ts';
import { AppError, conflict, notFound } from '../../../kernel/errors.ts';
import { readableCase, requireStepActor } from '../access.ts';
import type { CaseRow } from '../model.ts';
import type { ResultKind } from './pdf.ts';
import { blockedReason } from './blocked.ts';
import type { CaseResults, ResultDocument } from './schemas.ts';
import { produceResults, resultKindOf, RETRY_ROLES } from './results.ts';

export type { CaseResults, ResultDocument };

const iso = (d: Date | string) => new Date(d).toISOString();

const mayRetry = (actor: Actor, c: CaseRow) =>
  actor.kind === 'staff' && resultKindOf(c) !== undefined && canAct(actor, RETRY_ROLES, { regionCode: c.region_code, departmentId: c.department_id });

async function resultsOf(q: Queryable, actor: Actor, c: CaseRow): Promise<CaseResults> {
  const docs = await q.query<{ id: string; kind: ResultKind; title: string; file_name: string; size: number; sm3: string; seal_id: string; key_id: string; created_at: Date }>(
    'select id, kind, title, file_name, size, sm3, seal_id, key_id, created_at from case_result where case_id = $1 order by created_at, id',
    [c.id],
  );
  const licence = await q.one<{ licence_id: string; identifier: string; type_code: string; operation: string; related_identifier: string | null; registered_name: string | null; registered_uscc: string | null; held_by_name: string | null; held_by_code: string | null; held_by_code_type: PersonCodeType | null }>(
    `select licence_id, identifier, type_code, operation, related_identifier, registered_name, registered_uscc, held_by_name, held_by_code, held_by_code_type
       from case_result_licence where case_id = $1`,
    [c.id],
  );
  const uses = await q.query<{ material_key: string; licence_identifier: string }>(
    'select material_key, licence_identifier from case_licence_use where case_id = $1 order by material_key',
    [c.id],
  );
  const recorded = await q.query<{ stage: 'document' | 'licence'; code: string; details: Record<string, unknown>; attempts: number; at: Date }>(
    'select stage, code, details, attempts, at from case_result_problem where case_id = $1 order by stage',
    [c.id],
  );
  // the details name seals, fields and codes of the department's set-up: staff only
  const problems = actor.kind === 'staff' ? recorded : [];
  return {
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      fileName: d.file_name,
      size: Number(d.size),
      sm3: d.sm3.trim(),
      sealId: d.seal_id,
      keyId: d.key_id,
      createdAt: iso(d.created_at),
    })),
    licence: licence
      ? {
          id: licence.licence_id,
          identifier: licence.identifier,
          typeCode: licence.type_code,
          operation: licence.operation,
          relatedIdentifier: licence.related_identifier,
          registered: licence.registered_uscc ? { name: licence.registered_name ?? '', uscc: licence.registered_uscc } : null,
          heldBy: licence.held_by_code_type ? { name: licence.held_by_name ?? '', code: licence.held_by_code ?? '', codeType: licence.held_by_code_type } : null,
        }
      : null,
    licenceUses: uses.map((u) => ({ materialKey: u.material_key, identifier: u.licence_identifier })),
    problems: problems.map((p) => ({ stage: p.stage, code: p.code, details: p.details, attempts: Number(p.attempts), at: iso(p.at) })),
    blocked: recorded.map((p) => ({ stage: p.stage, reason: blockedReason(p.code), at: iso(p.at) })),
    mayRetry: mayRetry(actor, c),
  };
}

/** The case's results for its applicant or staff in scope; anyone else gets 404. */
export async function listResults(q: Queryable, actor: Actor, caseId: string): Promise<CaseResults> {
  return resultsOf(q, actor, await readableCase(q, actor, caseId));
}

/** The bytes of one result document; a file changed in the store is refused, not served. */
export async function readResult(ctx: AppContext, actor: Actor, caseId: string, resultId: string): Promise<{ content: Buffer; fileName: string }> {
  await readableCase(ctx.db, actor, caseId);
  const row = await ctx.db.one<{ file_key: string; file_name: string; sm3: string }>('select file_key, file_name, sm3 from case_result where id = $1 and case_id = $2', [
    resultId,
    caseId,
  ]);
  if (!row) throw notFound('case_result', resultId);
  const content = await ctx.files.get(row.file_key);
  if (sm3Hex(content) !== row.sm3.trim()) throw new AppError('RESULT_TAMPERED', 409, {}, { resultId });
  return { content, fileName: row.file_name };
}

/**
 * After fixing the cause (a seal issued to the department, the licence type added), a decider
 * of the department has the missing results produced; what exists already is kept.
 */
export async function retryResults(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseResults> {
  return ctx.db.transaction(async (tx) => {
    const c = await readableCase(tx, actor, caseId, true);
    requireStepActor(actor, c, { key: 'result', name: '办结', roles: [...RETRY_ROLES] });
    if (!resultKindOf(c)) throw conflict('CASE_NOT_FINAL', { status: c.status });
    await produceResults(ctx, tx, c.id);
    return resultsOf(tx, actor, (await readableCase(tx, actor, caseId))!);
  });
}

