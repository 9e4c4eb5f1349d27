import type { Role } from '../../../kernel/actor.ts';
import { t } from '../../../kernel/i18n/index.ts';
import { countedInLimit } from '../../../kernel/guide/special-procedures.ts';
import { itemWorkflow, type ItemContent } from '../../catalog/index.ts';
import type { Step, StepKind } from '../model.ts';

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
 * Whether a procedure stops the clock: the law leaves its time out of the limit (行政许可法 art.
 * 45), unless the item's 特别程序 list names it with countedInLimit (kernel guide's rule, which
 * the guide tells the applicant too).
 */
export function procedurePausesClock(content: ItemContent | undefined, procedure: string, name: string): boolean {
  return !countedInLimit(content?.specialProcedures, procedure, [name, procedureName(procedure)]);
}

/** The steps a new case runs: the catalogue's `itemWorkflow` with who acts on each. */
export function stepsFor(content: ItemContent): Step[] {
  return itemWorkflow(content).map((s): Step => ({
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
