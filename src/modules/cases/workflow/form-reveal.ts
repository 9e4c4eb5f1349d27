import type { Actor, Role } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import { canAct } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { AppError, validationFailed } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import { readableCase } from '../access.ts';
import type { CaseRow } from '../model.ts';
import { openSealed } from '../personal-form.ts';

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
    if (actor.kind !== 'staff' || !canAct(actor, handlerRoles(c), { regionCode: c.region_code, departmentId: c.department_id })) throw notAllowed();
    const sealed = c.form_pii[input.field];
    if (!sealed) throw new AppError('CASE_FORM_FIELD_NOT_PERSONAL', 422, { field: input.field }, { field: input.field });
    await appendAudit(tx, actor, {
      action: 'case.form_revealed',
      objectType: 'case',
      objectId: c.id,
      regionCode: c.region_code,
      details: { number: c.number, field: input.field, kind: sealed.kind, reason },
    });
    return { field: input.field, kind: sealed.kind, value: openSealed(personalData(ctx.config.masterKey), sealed) };
  });
}
