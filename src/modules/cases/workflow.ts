import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, conflict, notFound, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { getVersionById } from '../catalog/index.ts';
import { requireStepActor, loadCase } from './access.ts';
import { calendarFor, scheduleDeferredReminder, today } from './clocks.ts';
import { materialKeyOf, outstandingDeferred } from './materials.ts';
import { currentStep, presentCase, type CaseRow, type CaseView, type CorrectionItem } from './model.ts';
import { checkVersion, recordTransition, updateCase } from './transitions.ts';

export const ACTIONS = ['claim', 'accept', 'refuse', 'request_correction', 'approve', 'disapprove', 'return'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActionInput {
  version: number;
  opinion?: string;
  /** 补正: the complete list of what to fix. */
  items?: CorrectionItem[];
  /** 容缺受理: materials that may follow, and in how many working days. */
  deferred?: { materialKeys: string[]; dueInDays: number };
  /** return: the key of an earlier step. */
  toStep?: string;
}

/** Which actions each kind of step offers; the acceptance step is special, the others review. */
export function actionsFor(c: CaseRow): Action[] {
  const step = currentStep(c);
  if (!step) return [];
  if (c.current_step === 0) return ['claim', 'accept', 'refuse', 'request_correction'];
  return ['claim', 'approve', 'disapprove', 'return'];
}

const requireOpinion = (input: ActionInput) => {
  const text = input.opinion?.trim();
  if (!text) throw validationFailed('opinion', 'REQUIRED');
  return text;
};

/**
 * Staff act on the current step. The row is locked and the version the client read must still
 * be current, so of two approvers pressing at once one wins and the other gets 409 with
 * nothing written. A step claimed by someone else is theirs until they act.
 */
export async function act(ctx: AppContext, actor: Actor, id: string, action: Action, input: ActionInput): Promise<CaseView> {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, id, true);
    if (!c) throw notFound('case', id);
    const step = currentStep(c);
    if (!step) {
      // still checks who is asking, so a stranger learns nothing about the case's state
      requireStepActor(actor, c, c.steps[0]!);
      throw conflict('CASE_NOT_ACTIONABLE', { status: c.status });
    }
    const staff = requireStepActor(actor, c, step);
    checkVersion(c, input.version);
    if (!actionsFor(c).includes(action)) throw conflict('CASE_ACTION_NOT_ALLOWED', { action, step: step.name }, { action, step: step.key });
    if (c.assignee_id && c.assignee_id !== staff.id) throw conflict('CASE_CLAIMED_BY_OTHER', {}, { assigneeId: c.assignee_id });

    const next = (index: number) => ({ current_step: index, current_roles: c.steps[index]!.roles, assignee_id: null });
    const finish = (outcome: 'approved' | 'disapproved') => ({
      status: 'completed',
      outcome,
      current_roles: [],
      assignee_id: null,
      completed_at: new Date(),
      overdue: c.overdue || (c.promised_due !== null && today() > c.promised_due),
    });
    let fields: Record<string, unknown>;
    let kind: string = action;
    let opinion: string | null = input.opinion?.trim() || null;
    let details: Record<string, unknown> = {};
    let notify = true;

    switch (action) {
      case 'claim':
        fields = { assignee_id: staff.id };
        kind = 'claimed';
        notify = false;
        break;
      case 'accept': {
        fields = { status: 'processing', accepted_at: new Date(), ...next(1) };
        kind = 'accepted';
        if (input.deferred?.materialKeys.length) {
          if (c.case_type === 'immediate') throw conflict('DEFERRED_NOT_FOR_IMMEDIATE');
          const v = await getVersionById(tx, c.item_version_id);
          const known = new Set((v?.content.materials ?? []).map(materialKeyOf));
          const unknown = input.deferred.materialKeys.filter((k) => !known.has(k));
          if (unknown.length) throw unprocessable('MATERIAL_UNKNOWN', { key: unknown.join(',') }, { materialKeys: unknown });
          const day = today();
          const cal = await calendarFor(tx, day, input.deferred.dueInDays + 10);
          const due = cal.addWorkingDays(day, input.deferred.dueInDays);
          fields = { ...fields, deferred_keys: [...new Set(input.deferred.materialKeys)], deferred_due: due };
          await scheduleDeferredReminder(tx, c, cal, due);
          kind = 'accepted_deferred';
          details = { deferred: input.deferred.materialKeys, due };
        } else if (c.case_type === 'immediate') {
          // 即办: decided on the spot, completed at acceptance
          fields = { accepted_at: new Date(), ...finish('approved') };
          kind = 'completed_at_acceptance';
        }
        break;
      }
      case 'refuse':
        opinion = requireOpinion(input);
        fields = { status: 'refused', current_roles: [], assignee_id: null, completed_at: new Date() };
        kind = 'refused';
        break;
      case 'request_correction': {
        if (c.correction_count >= 1) throw conflict('CORRECTION_ONCE');
        const items = input.items ?? [];
        if (!items.length) throw validationFailed('items', 'REQUIRED');
        const v = await getVersionById(tx, c.item_version_id);
        const known = new Set((v?.content.materials ?? []).map(materialKeyOf));
        const unknown = items.filter((i) => i.materialKey && !known.has(i.materialKey)).map((i) => i.materialKey!);
        if (unknown.length) throw unprocessable('MATERIAL_UNKNOWN', { key: unknown.join(',') }, { materialKeys: unknown });
        fields = {
          status: 'correction',
          correction_count: c.correction_count + 1,
          correction_items: items,
          paused_since: today(),
          current_roles: [],
          assignee_id: null,
        };
        kind = 'correction_requested';
        details = { items };
        break;
      }
      case 'approve':
      case 'disapprove': {
        if (action === 'disapprove') opinion = requireOpinion(input);
        const last = c.current_step === c.steps.length - 1;
        if (!last) {
          // a reviewer's "no" is a recommendation: the decision step decides
          fields = next(c.current_step + 1);
          kind = action === 'approve' ? 'step_approved' : 'step_disapproved';
          notify = false;
        } else {
          if (action === 'approve') {
            const missing = await outstandingDeferred(tx, c);
            if (missing.length) throw new AppError('DEFERRED_MATERIALS_OUTSTANDING', 409, { count: missing.length }, { materialKeys: missing });
          }
          fields = finish(action === 'approve' ? 'approved' : 'disapproved');
          kind = action === 'approve' ? 'approved' : 'disapproved';
        }
        break;
      }
      case 'return': {
        opinion = requireOpinion(input);
        const target = c.steps.findIndex((s) => s.key === input.toStep);
        if (target < 1 || target >= c.current_step) throw unprocessable('CASE_RETURN_TARGET', { step: input.toStep ?? '' }, { toStep: input.toStep ?? null });
        fields = next(target);
        kind = 'returned';
        details = { toStep: input.toStep };
        notify = false;
        break;
      }
    }
    const updated = await updateCase(tx, c, fields);
    await recordTransition(tx, pii, actor, updated, { kind, stepKey: step.key, opinion, details, notify });
    return presentCase(updated);
  });
}
