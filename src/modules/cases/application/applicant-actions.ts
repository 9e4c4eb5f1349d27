import { stepKind, type CaseRow } from '../model.ts';

/**
 * Before the decision (决定): a case may still be withdrawn (撤回申请). Submitted or in 补正 it
 * is; in processing while its current step comes no later than the 决定 step. After it — a
 * payment step following an approval, or any final state — it is not: the decision stands.
 */
export function beforeDecision(c: Pick<CaseRow, 'status' | 'steps' | 'current_step'>): boolean {
  if (c.status === 'submitted' || c.status === 'correction') return true;
  if (c.status !== 'processing') return false;
  const kinds = c.steps.map((_, i) => stepKind(c.steps, i));
  const decideAt = kinds.indexOf('decide');
  return c.current_step <= (decideAt < 0 ? c.steps.length - 1 : decideAt);
}

/**
 * What the applicant may do with their case now; the page shows exactly these. A draft is
 * filled in, submitted or deleted (删除草稿 — it was never an application); 补正 is answered;
 * 容缺 materials are sent while the case runs; withdrawal only before the decision.
 */
export function applicantActions(c: CaseRow): string[] {
  if (c.status === 'draft') return ['save', 'upload', 'submit', 'delete_draft'];
  const withdraw = beforeDecision(c) ? ['withdraw'] : [];
  if (c.status === 'correction') return ['save', 'upload', 'resubmit', ...withdraw];
  if (c.status === 'submitted' || c.status === 'processing') return [...(c.deferred_keys.length ? ['upload'] : []), ...withdraw];
  return [];
}
