import { countedInLimit, listedProcedure } from '../../kernel/guide/special-procedures.ts';
import { t } from '../../kernel/i18n/index.ts';
import { DEFAULT_PAY_WITHIN_DAYS, type ItemContent } from './content.ts';
import type { GuideProcess, GuideStep } from './route-schemas.ts';
import { itemWorkflow } from './workflow-steps.ts';

/** The fixed fee of the item in fen, or null when a line has no amount (a rate assessed at the decision). */
function fixedFeeFen(content: ItemContent): number | null {
  const items = content.fees?.items ?? [];
  if (!items.length || items.some((f) => f.amountFen === undefined)) return null;
  return items.reduce((sum, f) => sum + f.amountFen!, 0);
}

/**
 * 办理流程 and 时限 of the guide, made from the workflow a case of this version runs
 * (`itemWorkflow`): each step in order; a special procedure with its days and whether they count
 * in the limit (the item's 特别程序 list, else the law's rule cases pause the clock by); the
 * payment step where it sits, with the fee and the days to pay; the statutory and promised limits.
 * Nothing here is written separately from what the case will do.
 */
export function guideProcess(content: ItemContent): GuideProcess {
  const steps = itemWorkflow(content);
  const decideAt = steps.findIndex((s) => s.kind === 'decide');
  const out = steps.map((s, index): GuideStep => {
    const step: GuideStep = { key: s.key, name: s.name, kind: s.kind };
    if (s.kind === 'special') {
      const procedure = s.procedure ?? 'other';
      // the names a case knows the procedure by: the step's own, and the procedure's (cases.procedure.*)
      const names = [s.name, t('zh-CN', `cases.procedure.${procedure}`)];
      const listed = listedProcedure(content.specialProcedures, names);
      Object.assign(step, { procedure, days: listed?.days ?? null, countedInLimit: countedInLimit(content.specialProcedures, procedure, names) });
    }
    if (s.kind === 'payment') {
      Object.assign(step, {
        amountFen: fixedFeeFen(content),
        payWithinDays: content.fees?.payWithinDays ?? DEFAULT_PAY_WITHIN_DAYS,
        afterDecision: index > decideAt,
      });
    }
    return step;
  });
  const limit = (l: ItemContent['statutoryLimit']) => (l ? { immediate: l.immediate, days: l.days, note: l.note ?? null } : null);
  return {
    steps: out,
    statutoryLimit: limit(content.statutoryLimit),
    promisedLimit: limit(content.promisedLimit),
    // procedures a handler may start when the case needs one (not a step every case runs)
    specialProcedures: (content.specialProcedures ?? []).map((p) => ({ name: p.name, countedInLimit: p.countedInLimit, days: p.days ?? null, note: p.note ?? null })),
  };
}
