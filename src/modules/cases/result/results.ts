import { appendAudit } from '../../../kernel/audit/audit.ts';
import { shanghaiDate } from '../../../kernel/calendar/shanghai.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { t } from '../../../kernel/i18n/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { getVersionById } from '../../catalog/index.ts';
import { departments, notifyStaff, staffAbleToAct } from '../../org/index.ts';
import { caseParams } from '../workflow/staff-notices.ts';
import { sealImage, signWithSeal, type SealSignature } from '../../seal/index.ts';
import { loadCase } from '../access.ts';
import type { CaseRow } from '../model.ts';
import { issueResultLicence, RESULTS_ACTOR, type IssuedLicence } from './licence.ts';
import { renderResultPdf, RESULT_TITLES, type ResultKind } from './pdf.ts';
import * as clock from '../../../kernel/clock.ts';

/** Timeline kinds that carry the decision's opinion or the refusal's reason. */
const DECISION_KINDS = ['approved', 'disapproved', 'refused', 'completed_at_acceptance'];
/** A decision document carries the approval seal; a department without one uses its official seal, then any. */
const SEAL_PREFERENCE = ['approval', 'official', undefined] as const;

/** Which document a case's final state calls for; none for withdrawn or unfinished cases. */
export function resultKindOf(c: Pick<CaseRow, 'status' | 'outcome'>): ResultKind | undefined {
  if (c.status === 'refused') return 'refusal';
  if (c.status !== 'completed') return undefined;
  return c.outcome === 'approved' ? 'approval' : c.outcome === 'disapproved' ? 'disapproval' : undefined;
}

export type ResultStage = 'document' | 'licence';

/** Who may have the results produced again (and hears when they could not be): the department's deciders. */
export const RETRY_ROLES = ['approver', 'department_admin'] as const;

async function recordProblem(tx: Tx, c: CaseRow, stage: ResultStage, err: unknown): Promise<void> {
  const code = err instanceof AppError ? err.code : 'RESULT_FAILED';
  // the message in the default language for the workbench, the code and details for machines
  const details =
    err instanceof AppError
      ? { message: t('zh-CN', `error.${err.code}`, err.params), params: err.params, details: err.details ?? null }
      : { message: String((err as Error)?.message ?? err).slice(0, 500) };
  const known = await tx.one('select 1 as x from case_result_problem where case_id = $1 and stage = $2', [c.id, stage]);
  await tx.query(
    `insert into case_result_problem (case_id, stage, code, details) values ($1, $2, $3, $4)
     on conflict (case_id, stage) do update set code = excluded.code, details = excluded.details,
       attempts = case_result_problem.attempts + 1, at = clock_now()`,
    [c.id, stage, code, JSON.stringify(details)],
  );
  // the department's deciders hear of it once, when it first happens: they fix the cause and retry
  if (!known) {
    const deciders = await staffAbleToAct(tx, RETRY_ROLES, { regionCode: c.region_code, departmentId: c.department_id });
    await notifyStaff(
      tx,
      deciders.map((s) => s.id),
      { kind: 'result_problem', caseId: c.id, params: { ...caseParams(c), code } },
    );
  }
  await appendAudit(tx, RESULTS_ACTOR, { action: 'case.result_problem', objectType: 'case', objectId: c.id, regionCode: c.region_code, details: { stage, code } });
}

/**
 * Runs one stage under a savepoint: a failure (no seal, no licence type, a field the type
 * requires missing from the form …) undoes only that stage's writes and is kept on the case for
 * staff instead of failing the event again and again.
 */
async function stage<T>(tx: Tx, c: CaseRow, name: ResultStage, run: () => Promise<T>): Promise<T | undefined> {
  await tx.exec(`savepoint result_${name}`);
  try {
    const out = await run();
    await tx.exec(`release savepoint result_${name}`);
    await tx.query('delete from case_result_problem where case_id = $1 and stage = $2', [c.id, name]);
    return out;
  } catch (err) {
    await tx.exec(`rollback to savepoint result_${name}`);
    await recordProblem(tx, c, name, err);
    return undefined;
  }
}

/** Signs with the first seal of the preferred kinds the department holds. */
async function signDecision(ctx: AppContext, tx: Tx, departmentId: string, record: string, objectId: string): Promise<SealSignature> {
  let missing: unknown;
  for (const kind of SEAL_PREFERENCE) {
    try {
      return await signWithSeal(ctx, RESULTS_ACTOR, kind ? { departmentId, kind } : { departmentId }, record, {
        tx,
        purpose: 'case_result',
        objectType: 'case_result',
        objectId,
      });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'SEAL_MISSING')) throw err;
      missing = err;
    }
  }
  throw missing;
}

/** The decision's opinion (or refusal reason) and day from the timeline. */
async function decision(tx: Tx, c: CaseRow): Promise<{ opinion: string | null; day: string }> {
  const row = await tx.one<{ opinion: string | null; at: Date | string }>(
    `select opinion, at from case_event where case_id = $1 and kind = any($2) order by at desc, id desc limit 1`,
    [c.id, DECISION_KINDS],
  );
  return { opinion: row?.opinion ?? null, day: shanghaiDate(new Date(row?.at ?? c.completed_at ?? clock.now())) };
}

const publicBase = (ctx: AppContext) => ctx.config.publicUrl || `http://localhost:${ctx.config.port}`;

async function produceDocument(ctx: AppContext, tx: Tx, c: CaseRow, kind: ResultKind, licence: IssuedLicence | undefined): Promise<void> {
  const dept = await departments.fetch(tx, c.department_id);
  if (!dept) throw new AppError('RESULT_DEPARTMENT_MISSING', 409, {}, { departmentId: c.department_id });
  const d = await decision(tx, c);
  const id = uuidv7();
  // the applicant's own USCC, not that of the subject a 设立登记 registered
  const applicantCode = licence?.holderKind === 'enterprise' && !licence.registered ? licence.holderCode : null;
  // The seal signs the decision itself; the PDF's SM3 is kept with the record and checked on download.
  const record = canonicalJson({
    format: 'yiwang.case-result/1',
    id,
    kind,
    number: c.number,
    itemCode: c.item_code,
    itemName: c.item_name,
    applicantName: c.applicant_name,
    department: { name: dept.name, uscc: dept.uscc },
    opinion: d.opinion,
    decidedOn: d.day,
    licence: licence?.identifier ?? null,
  });
  const signed = await signDecision(ctx, tx, dept.id, record, id);
  // Read through the claiming transaction: embedded PGlite has one connection.
  const sealPng = await sealImage({ ...ctx, db: tx as AppContext['db'] }, signed.sealId, 'png');
  const pdf = await renderResultPdf({
    kind,
    number: c.number!,
    itemName: c.item_name,
    applicantName: c.applicant_name,
    applicantCode,
    departmentName: dept.name,
    submittedOn: shanghaiDate(new Date(c.submitted_at ?? c.created_at)),
    decidedOn: d.day,
    opinion: d.opinion,
    licence: licence ? { identifier: licence.identifier, typeName: licence.typeName } : null,
    sealPng,
    progressUrl: `${publicBase(ctx)}/progress?number=${encodeURIComponent(c.number!)}&code=${c.query_code ?? ''}`,
  });
  const stored = await ctx.files.put(pdf, { prefix: 'case-results' });
  await tx.query(
    `insert into case_result (id, case_id, region_code, kind, title, file_key, file_name, size, sm3, seal_id, key_id, signature)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [id, c.id, c.region_code, kind, RESULT_TITLES[kind], stored.key, `${RESULT_TITLES[kind]}-${c.number}.pdf`, stored.size, stored.sm3, signed.sealId, signed.keyId, signed.signature],
  );
  await appendAudit(tx, RESULTS_ACTOR, {
    action: 'case.result_document',
    objectType: 'case',
    objectId: c.id,
    regionCode: c.region_code,
    details: { number: c.number, kind, resultId: id, sm3: stored.sm3, keyId: signed.keyId },
  });
}

/**
 * Everything a final case produces, once: the licence (approved cases of items with a licence
 * result) and then the decision document, which names the licence. Runs in the event's
 * transaction; the case row lock makes two deliveries of one event wait for each other, and a
 * second delivery finds the rows of the first and adds nothing.
 */
export async function produceResults(ctx: AppContext, tx: Tx, caseId: string): Promise<void> {
  const c = await loadCase(tx, caseId, true);
  if (!c?.number) return;
  const kind = resultKindOf(c);
  if (!kind) return;
  let licence: IssuedLicence | undefined;
  if (kind === 'approval') {
    const v = await getVersionById(tx, c.item_version_id);
    const result = v?.content.result;
    const typeCode = result?.licenseTypeCode;
    if (typeCode) licence = await stage(tx, c, 'licence', () => issueResultLicence(ctx, tx, c, { ...result, licenseTypeCode: typeCode }));
  }
  const done = await tx.one('select 1 as x from case_result where case_id = $1 and kind = $2', [c.id, kind]);
  if (!done) await stage(tx, c, 'document', () => produceDocument(ctx, tx, c, kind, licence));
}
