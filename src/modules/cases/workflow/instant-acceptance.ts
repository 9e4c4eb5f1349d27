import { AppError, conflict } from '../../../kernel/errors.ts';
import type { CaseRow } from '../model.ts';
import type { TransitionRecord } from './transitions.ts';

/** The rules 秒批 found failing at submission; none when it passed or did not run. */
export function failedInstantRules(c: CaseRow) {
  return c.instant_result && !c.instant_result.approved ? c.instant_result.rules.filter((r) => !r.passed) : [];
}

/**
 * What accepting a case does after 秒批: a 即办 case completes at acceptance only when its rules
 * did not fail, or when the clerk overrides them with a reason (its own timeline entry, and so
 * its own audit entry, ahead of the completion). Otherwise it goes on to review like any case,
 * so a person the rules turned down is never granted by a single click at the window.
 */
export function instantAcceptance(c: CaseRow, override: { reason?: string } | undefined): { complete: boolean; overridden?: TransitionRecord } {
  const failed = failedInstantRules(c);
  if (override) {
    // an override of nothing would put a false reason on record
    if (c.case_type !== 'immediate' || !failed.length) throw conflict('INSTANT_OVERRIDE_NOT_APPLICABLE');
    const reason = override.reason?.trim();
    if (!reason) throw new AppError('OVERRIDE_REASON_REQUIRED', 400, {}, { field: 'instantOverride.reason' });
    return {
      complete: true,
      overridden: { kind: 'instant_overridden', opinion: reason, details: { reason, failedRules: failed.map((r) => ({ label: r.label, fact: r.fact, actual: r.actual })) } },
    };
  }
  return { complete: c.case_type === 'immediate' && !failed.length };
}

/**
 * A decision that grants a case whose 秒批 rules failed says why (the reviewer's counterpart of the
 * clerk's override reason); a plain 准予 is not enough.
 */
export function requireInstantOpinion(c: CaseRow, opinion: string | null): void {
  const failed = failedInstantRules(c);
  if (failed.length && !opinion) throw new AppError('INSTANT_OPINION_REQUIRED', 400, {}, { field: 'opinion', failedRules: failed.map((r) => r.label) });
}
