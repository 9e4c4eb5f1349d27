import type { Tx } from '../../../kernel/db/index.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { today } from './clocks.ts';
import { openCommitmentCheck } from './commitment.ts';
import type { CaseRow } from '../model.ts';
import * as clock from '../../../kernel/clock.ts';

/** Past the promised limit (marked by the red timer, or simply today after the due day). */
export const isLate = (c: CaseRow) => c.overdue || (c.promised_due !== null && today() > c.promised_due);

/**
 * The case ends now: the same fields and follow-ups whoever ends it (a decision by staff, the
 * platform when the fee is paid). An approved commitment case gets its verification task.
 */
export async function completion(tx: Tx, c: CaseRow, outcome: 'approved' | 'disapproved', content: ItemContent | undefined, overdueReason: string | null) {
  const late = isLate(c);
  const fields: Record<string, unknown> = {
    status: 'completed',
    outcome,
    current_roles: [],
    assignee_id: null,
    completed_at: clock.now(),
    overdue: late,
    ...(late && overdueReason ? { overdue_reason: overdueReason } : {}),
  };
  const checkDue = outcome === 'approved' && c.commitment ? await openCommitmentCheck(tx, c, content) : null;
  return { fields, details: checkDue ? { commitmentCheckDue: checkDue } : {} };
}
