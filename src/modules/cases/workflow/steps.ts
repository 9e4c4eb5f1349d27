import type { Role } from '../../../kernel/actor.ts';
import { t } from '../../../kernel/i18n/index.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { DEFAULT_STEPS, type Step, type StepKind } from '../model.ts';

/** Who acts on a step when the item does not say: a general window or the department accepts. */
const DEFAULT_ROLES: Record<StepKind, Role[]> = {
  accept: ['window_clerk', 'approver'],
  review: ['approver'],
  decide: ['approver'],
  special: ['approver'],
  payment: ['approver'],
};

/** The name of a special procedure (特别程序) when a step or an action does not give its own. */
export const procedureName = (procedure: string) => t('zh-CN', `cases.procedure.${procedure}`);

/**
 * 行政许可法 art. 45: time for hearings, tendering, auctions, testing, inspection, quarantine,
 * appraisal and expert review is not counted in the limit; 公示 is treated the same in practice.
 * 现场勘查 is part of the review and is counted. The item may say otherwise by naming the
 * procedure in its 特别程序 list with countedInLimit.
 */
const NOT_COUNTED = new Set(['expert_review', 'publicity', 'hearing', 'inspection']);

export function procedurePausesClock(content: ItemContent | undefined, procedure: string, name: string): boolean {
  const listed = content?.specialProcedures?.find((p) => p.name === name || p.name === procedureName(procedure));
  if (listed) return !listed.countedInLimit;
  return NOT_COUNTED.has(procedure);
}

/**
 * The steps a new case runs: the item's own workflow when it has a valid one (the catalogue's
 * WORKFLOW rule checks it before publication), the default 受理 → 审查 → 决定 otherwise. A
 * payment step is dropped when the item charges nothing, so a fee-free version cannot stall.
 */
export function stepsFor(content: ItemContent): Step[] {
  const defined = content.workflow;
  if (!defined?.length || defined[0]!.kind !== 'accept' || !defined.some((s) => s.kind === 'decide')) return DEFAULT_STEPS;
  return defined
    .filter((s) => s.kind !== 'payment' || content.fees?.charged)
    .map((s): Step => ({
      key: s.key,
      name: s.name,
      // the catalogue's enum types are plain strings; the schema has checked the values
      kind: s.kind as StepKind,
      roles: s.roles?.length ? (s.roles as Role[]) : DEFAULT_ROLES[s.kind as StepKind],
      ...(s.kind === 'special' ? { procedure: s.procedure ?? 'other' } : {}),
    }));
}

/** Procedures a handler may start during review (the catalogue's list, for route validation). */
export { SPECIAL_PROCEDURES } from '../../../kernel/guide/special-procedures.ts';
