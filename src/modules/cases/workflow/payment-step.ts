import type { AppContext } from '../../../kernel/context.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { DEFAULT_PAY_WITHIN_DAYS, type ItemContent } from '../../catalog/index.ts';
import { createFeeNotice, type FeeLine } from '../../payment/index.ts';
import { calendarFor, today } from './clocks.ts';
import type { CaseRow } from '../model.ts';

// Working days the applicant has to pay, unless the item says: the catalogue's, as its guide tells.
export { DEFAULT_PAY_WITHIN_DAYS };

/**
 * The fee lines of a case: what the decision-maker assessed (核定), or else the item's fees with
 * a fixed standard. Fees described only in words (a rate, a range) need the assessment.
 */
export function feeLinesFor(content: ItemContent | undefined, assessed: FeeLine[] | undefined): FeeLine[] {
  if (assessed?.length) return assessed;
  return (content?.fees?.items ?? [])
    .filter((f) => (f.amountFen ?? 0) > 0)
    .map((f) => ({ name: f.name, unitFen: f.amountFen!, quantity: 1 }));
}

/**
 * The case reaches its payment step: a fee notice (缴款通知书) goes to the applicant in the case's
 * own transaction and the case waits for `payment.notice_paid`. Nothing to pay → no notice.
 */
export async function issueCaseFeeNotice(ctx: AppContext, tx: Tx, c: CaseRow, lines: FeeLine[], payWithinDays = DEFAULT_PAY_WITHIN_DAYS): Promise<{ noticeId: string; code: string; amountFen: number } | null> {
  if (!lines.length || lines.every((l) => l.unitFen * l.quantity - (l.reduction?.fen ?? 0) <= 0)) return null;
  const day = today();
  const cal = await calendarFor(tx, day, payWithinDays + 10);
  const notice = await createFeeNotice(
    ctx,
    {
      caseId: c.id,
      itemCode: c.item_code,
      payer: { personId: c.applicant_person_id ?? c.agent_person_id, enterpriseId: c.applicant_enterprise_id, name: c.applicant_name },
      collectingUnit: c.department_id,
      lines,
      dueDate: cal.addWorkingDays(day, payWithinDays),
    },
    { tx },
  );
  return { noticeId: notice.id, code: notice.code, amountFen: notice.amountFen };
}
