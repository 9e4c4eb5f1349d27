import type { CaseDetail } from './api.ts';

/**
 * What the applicant has to do next, read from the case and the actions the server allows them:
 * fill in and submit a draft, answer a 补正, send 容缺 materials, pay the fee notice, collect the
 * result; or nothing while the department works (`wait`) or after the case ended without a
 * result to collect (`none`). The status card leads with it.
 */
export type NextStep = 'fill' | 'correct' | 'deferred' | 'pay' | 'collect' | 'decision' | 'wait' | 'none';

export function nextStep(detail: CaseDetail): NextStep {
  const c = detail.case;
  if (c.status === 'draft') return 'fill';
  if (c.status === 'correction') return 'correct';
  if (c.currentStep?.kind === 'payment' && c.feeNoticeId) return 'pay';
  if (c.status === 'processing' && c.deferred?.materialKeys.length && detail.actions.includes('upload')) return 'deferred';
  if (c.status === 'completed') return c.outcome === 'disapproved' ? 'decision' : 'collect';
  if (c.status === 'refused') return 'decision';
  if (c.status === 'submitted' || c.status === 'processing') return 'wait';
  return 'none';
}
