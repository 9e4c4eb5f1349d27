import type { Actor, Role } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import { canAct } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { AppError, validationFailed } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import { readableCase } from '../access.ts';
import type { CaseRow } from '../model.ts';
import { openSealed } from '../personal-form.ts';
import { caseSubject } from '../application/library-use.ts';
import { getVersionById } from '../../catalog/index.ts';
import { recordDataUse } from '../../data/index.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import type { StaffActor } from '../../../kernel/actor.ts';
import { validateIdNumber } from '../../../kernel/validate/index.ts';

const notAllowed = () => new AppError('CASE_FORM_REVEAL_NOT_ALLOWED', 403);

/** The roles that handle this case: those of any of its steps (受理, 审查, 决定, special steps …). */
const handlerRoles = (c: CaseRow): Role[] => [...new Set(c.steps.flatMap((s) => s.roles))];

/**
 * 查看明文: a handler of the case reads one personal form value in clear, saying why. Everyone
 * else is refused as for the case itself (other region or another citizen 404, another
 * department 403), staff in scope who handle no step of it and the applicant (who reads the
 * form in clear already) 403 CASE_FORM_REVEAL_NOT_ALLOWED. Each reveal is an audit entry:
 * who, when, case, field, kind, reason — never the value.
 */
export async function revealFormField(ctx: AppContext, actor: Actor, caseId: string, input: { field: string; reason: string }) {
  const reason = input.reason.trim();
  if (!reason) throw validationFailed('reason', 'REQUIRED');
  return ctx.db.transaction(async (tx) => {
    const c = await readableCase(tx, actor, caseId);
    if (actor.kind !== 'staff' || !canAct(actor, handlerRoles(c), { regionCode: c.region_code, departmentId: c.department_id }))
      throw notAllowed();
    const sealed = c.form_pii[input.field];
    if (!sealed) throw new AppError('CASE_FORM_FIELD_NOT_PERSONAL', 422, { field: input.field }, { field: input.field });
    await appendAudit(tx, actor, {
      action: 'case.form_revealed',
      objectType: 'case',
      objectId: c.id,
      regionCode: c.region_code,
      details: { number: c.number, field: input.field, kind: sealed.kind, reason },
    });
    const pii = personalData(ctx.config.masterKey);
    const value = openSealed(pii, sealed);
    await tellLedgers(tx, pii, actor, c, {
      field: input.field,
      kind: sealed.kind,
      value: typeof value === 'string' ? value : '',
      reason,
    });
    return { field: input.field, kind: sealed.kind, value };
  });
}

/**
 * A clear read of a personal value is a use of someone's data (我的数据使用记录): the applicant's,
 * whose form it is, and — when the value is another person's 公民身份号码 (a family member, a
 * deceased person's) — that person's too. The ledger names the field as the form titles it.
 */
async function tellLedgers(
  tx: Tx,
  pii: PersonalData,
  actor: StaffActor,
  c: CaseRow,
  read: { field: string; kind: string; value: string; reason: string },
): Promise<void> {
  const persons = new Set<string>();
  const { personIndex } = await caseSubject(tx, c);
  if (personIndex) persons.add(personIndex);
  if (read.kind === 'id_number' && validateIdNumber(read.value).ok) persons.add(pii.index(read.value.toUpperCase()));
  if (!persons.size) return;
  const version = await getVersionById(tx, c.item_version_id);
  const schema = version?.content.form?.schema as { properties?: Record<string, { title?: string }> } | undefined;
  const title = schema?.properties?.[read.field]?.title ?? read.field;
  for (const personIndex of persons) {
    await recordDataUse(tx, {
      personIndex,
      kind: 'reveal',
      departmentId: actor.departmentId,
      departmentName: actor.departmentName ?? '',
      system: '一网通办 审批',
      resourceCode: null,
      resourceName: `办件 ${c.number}（${c.item_name}）`,
      fields: [title],
      purpose: `查看明文：${read.reason}`,
    });
  }
}
