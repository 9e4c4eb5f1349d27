import type { Actor } from '../../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { sm3Hex } from '../../../kernel/crypto/index.ts';
import { conflict, notFound, unprocessable, validationFailed } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { requireStepActor, loadCase } from '../access.ts';
import { calendarFor, today } from './clocks.ts';
import { presentCase, type CaseRow } from '../model.ts';
import { recordTransition } from './transitions.ts';
import * as clock from '../../../kernel/clock.ts';
import type { CommitmentCheck } from '../schemas.ts';
import type { CommitmentCheckRow } from './schemas.ts';

/** Who verifies commitments: the department's approvers and its administrator. */
const CHECK_ROLES = ['approver', 'department_admin'] as const;
/** Working days to verify a commitment when the item does not say. */
const DEFAULT_CHECK_DAYS = 20;

/** The statement the applicant signs (告知承诺书): the item's conditions and the consequence of a false one. */
export function commitmentText(content: ItemContent, itemName: string): string {
  const conditions = (content.conditions ?? []).map((c, i) => `${i + 1}. ${c}`).join('\n');
  return [
    `申请人承诺已知晓并符合“${itemName}”的全部办理条件：`,
    conditions || '（以办事指南所列条件为准）',
    '所填信息与所交材料真实、准确、完整；承诺不实的，愿承担相应法律责任，行政机关可依法撤销已作出的决定。',
  ].join('\n');
}

/**
 * 告知承诺制: an item that works by commitment needs the applicant to sign it with the
 * submission; the text and its SM3 digest are frozen into the case as evidence.
 */
export function signCommitment(content: ItemContent, itemName: string, accepted: boolean | undefined) {
  if (!content.flags?.commitment) return null;
  if (accepted !== true) throw unprocessable('COMMITMENT_REQUIRED', { item: itemName });
  const text = commitmentText(content, itemName);
  return { text, sm3: sm3Hex(Buffer.from(text, 'utf8')), signedAt: clock.now().toISOString() };
}

/** After approval the department must verify what was promised (事后核查) within the item's period. */
export async function openCommitmentCheck(tx: Tx, c: CaseRow, content: ItemContent | undefined): Promise<string> {
  const days = content?.commitmentCheckDays ?? DEFAULT_CHECK_DAYS;
  const day = today();
  const cal = await calendarFor(tx, day, days + 10);
  const due = cal.addWorkingDays(day, days);
  await tx.query(
    `insert into case_commitment_check (case_id, region_code, department_id, due) values ($1, $2, $3, $4) on conflict (case_id) do nothing`,
    [c.id, c.region_code, c.department_id, due],
  );
  return due;
}

/**
 * The verification result: kept closes the check; broken is recorded and announced
 * (`case.commitment_broken`) so the decision can be revoked and the credit record fed.
 */
export async function recordCommitmentCheck(ctx: AppContext, actor: Actor, caseId: string, input: { result: 'kept' | 'broken'; opinion: string }) {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, caseId, true);
    if (!c) throw notFound('case', caseId);
    const staff = requireStepActor(actor, c, { key: 'commitment_check', name: '承诺核查', roles: [...CHECK_ROLES] });
    const opinion = input.opinion.trim();
    if (!opinion) throw validationFailed('opinion', 'REQUIRED');
    const row = await tx.one<{ result: string | null }>(`select result from case_commitment_check where case_id = $1 for update`, [caseId]);
    if (!row) throw conflict('COMMITMENT_CHECK_NONE');
    if (row.result) throw conflict('COMMITMENT_CHECK_DONE', {}, { result: row.result });
    await tx.query(
      `update case_commitment_check set result = $2, opinion = $3, checked_by = $4, checked_by_name = $5, checked_at = clock_now() where case_id = $1`,
      [caseId, input.result, opinion, staff.id, staff.name],
    );
    await recordTransition(tx, pii, actor, c, { kind: `commitment_${input.result}`, opinion, notify: input.result === 'broken' });
    return presentCase(c);
  });
}

export type { CommitmentCheckRow };

/** Open (or all) verification tasks in the staff member's scope, the earliest due first. */
export async function commitmentChecks(q: Queryable, actor: Actor, open: boolean): Promise<CommitmentCheckRow[]> {
  requireRole(actor, CHECK_ROLES);
  const params: unknown[] = [];
  const scope = scopeCondition(actor, CHECK_ROLES, { region: 'k.region_code', department: 'k.department_id' }, params);
  params.push(today());
  return q.query<CommitmentCheckRow>(
    `select k.case_id as "caseId", c.number, c.item_name as "itemName", c.applicant_name as "applicantName",
            to_char(k.due, 'YYYY-MM-DD') as due, k.result, (k.result is null and k.due < $${params.length}::date) as overdue
       from case_commitment_check k join case_record c on c.id = k.case_id
      where ${scope} ${open ? 'and k.result is null' : ''}
      order by k.due, k.case_id limit 200`,
    params,
  );
}

export type { CommitmentCheck };

export async function commitmentCheckOf(q: Queryable, caseId: string): Promise<CommitmentCheck | null> {
  const row = await q.one<CommitmentCheck>(
    `select to_char(due, 'YYYY-MM-DD') as due, result, opinion, checked_by_name as "checkedByName", checked_at as "checkedAt"
       from case_commitment_check where case_id = $1`,
    [caseId],
  );
  return row ? { ...row, checkedAt: row.checkedAt && new Date(row.checkedAt).toISOString() } : null;
}
