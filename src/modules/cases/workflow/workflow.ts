import type { Actor, StaffActor } from '../../../kernel/actor.ts';
import { canAct, grantCovers, requireStaff } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { AppError, conflict, notFound, unprocessable, validationFailed } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import { getVersionById, type ItemContent } from '../../catalog/index.ts';
import { staffActor } from '../../org/index.ts';
import type { FeeLine } from '../../payment/index.ts';
import { checkStaffRead, loadCase, requireStepActor } from '../access.ts';
import { calendarFor, scheduleDeferredReminder, today } from './clocks.ts';
import { completion, isLate } from './completion.ts';
import { materialKeyOf, outstandingDeferred } from '../application/materials.ts';
import { currentStep, HEAD_ROLES, presentCase, stepKind, type CaseRow, type CaseView, type CorrectionItem } from '../model.ts';
import { issueCaseFeeNotice, feeLinesFor } from './payment-step.ts';
import { endSpecial, startSpecial } from './special.ts';
import { checkVersion, recordTransition, updateCase, type TransitionRecord } from './transitions.ts';
import { failedInstantRules, instantAcceptance, requireInstantOpinion } from './instant-acceptance.ts';
import * as clock from '../../../kernel/clock.ts';

export const ACTIONS = [
  'claim',
  'assign',
  'accept',
  'refuse',
  'request_correction',
  'approve',
  'disapprove',
  'return',
  'start_special',
  'end_special',
  'explain_overdue',
] as const;
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
  /** assign: the colleague who takes the step over. */
  assigneeId?: string;
  /** start_special: which procedure (现场勘查, 专家评审, 公示, 听证 …) and its own name. */
  procedure?: string;
  procedureName?: string;
  /** approve at the decision before a payment step: the fees assessed (核定), in fen. */
  fees?: FeeLine[];
  /** Finishing after the promised limit needs the reason (or explain_overdue before). */
  overdueReason?: string;
  /** accept: complete a 即办 case whose 秒批 rules failed all the same, for this reason. */
  instantOverride?: { reason?: string };
}

/** What may be done on the case's current step, by its kind; a running procedure must end first. */
export function actionsFor(c: CaseRow): Action[] {
  const step = currentStep(c);
  if (!step) return [];
  const late: Action[] = isLate(c) && !c.overdue_reason ? ['explain_overdue'] : [];
  if (c.special_procedure && c.special_procedure.stepKey === null) return ['claim', 'assign', 'end_special', ...late];
  switch (stepKind(c.steps, c.current_step)) {
    case 'accept':
      return ['claim', 'assign', 'accept', 'refuse', 'request_correction'];
    case 'special':
      return ['claim', 'assign', 'approve', 'return', ...late];
    case 'payment':
      // the applicant pays; the department waits for the channel's notice
      return [...late];
    default:
      return ['claim', 'assign', 'approve', 'disapprove', 'return', 'start_special', ...late];
  }
}

const requireOpinion = (input: ActionInput) => {
  const text = input.opinion?.trim();
  if (!text) throw validationFailed('opinion', 'REQUIRED');
  return text;
};

/** The changes of one action, and what the transition records. */
interface Outcome {
  fields: Record<string, unknown>;
  record: TransitionRecord;
  /** What entering the next step did (a procedure started, a fee notice sent): its own transition. */
  entered?: TransitionRecord;
  /** A fact that comes ahead of the action's own record (a 秒批 override before the completion it allows). */
  before?: TransitionRecord;
}

interface Turn {
  ctx: AppContext;
  tx: Tx;
  c: CaseRow;
  staff: StaffActor;
  input: ActionInput;
  content: () => Promise<ItemContent | undefined>;
}

/**
 * Staff act on the current step. The row is locked and the version the client read must still
 * be current, so of two approvers pressing at once one wins and the other gets 409 with
 * nothing written. A step claimed by someone else is theirs until they act or hand it on.
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
    const staff = action === 'assign' ? requireAssigner(actor, c) : requireStepActor(actor, c, step);
    checkVersion(c, input.version);
    if (!actionsFor(c).includes(action)) throw conflict('CASE_ACTION_NOT_ALLOWED', { action, step: step.name }, { action, step: step.key });
    if (c.assignee_id && c.assignee_id !== staff.id && !(action === 'assign' && canAct(staff, HEAD_ROLES, scopeOf(c))))
      throw conflict('CASE_CLAIMED_BY_OTHER', {}, { assigneeId: c.assignee_id });

    let version: ItemContent | undefined | null = null;
    const content = async () => (version ??= (await getVersionById(tx, c.item_version_id))?.content) ?? undefined;
    const out = await ACTION_HANDLERS[action]({ ctx, tx, c, staff, input, content });
    const updated = await updateCase(tx, c, out.fields);
    if (out.before) await recordTransition(tx, pii, actor, updated, { stepKey: step.key, ...out.before });
    await recordTransition(tx, pii, actor, updated, { stepKey: step.key, ...out.record });
    if (out.entered) await recordTransition(tx, pii, actor, updated, { stepKey: currentStep(updated)?.key ?? null, ...out.entered });
    return presentCase(updated);
  });
}

const scopeOf = (c: CaseRow) => ({ regionCode: c.region_code, departmentId: c.department_id });

/** assign: the step's current holder hands it on, or a head of the department gives it out. */
function requireAssigner(actor: Actor, c: CaseRow): StaffActor {
  const staff = requireStaff(actor);
  checkStaffRead(staff, c);
  if (canAct(staff, HEAD_ROLES, scopeOf(c))) return staff;
  return requireStepActor(actor, c, currentStep(c)!);
}

/** What entering a step changes; a plain move records no transition of its own. */
type Entered = Omit<Outcome, 'record'> & { record?: TransitionRecord };

/** The first step from `index` on that someone must work: entering it may start a procedure or a payment. */
async function enterStep(t: Turn, index: number): Promise<Entered> {
  const { c } = t;
  const step = c.steps[index]!;
  const base = { current_step: index, current_roles: step.roles, assignee_id: null };
  const kind = stepKind(c.steps, index);
  if (kind === 'special') {
    const started = await startSpecial(t.tx, c, await t.content(), { procedure: step.procedure ?? 'other', name: step.name, stepKey: step.key, reason: null }, t.staff.id);
    return { fields: { ...base, ...started.fields }, record: { kind: 'special_procedure_started', details: started.details } };
  }
  if (kind === 'payment') {
    const content = await t.content();
    const notice = await issueCaseFeeNotice(t.ctx, t.tx, c, feeLinesFor(content, t.input.fees), content?.fees?.payWithinDays);
    if (!notice) {
      // nothing to pay (fee-free after reductions): the payment step passes by itself
      if (index === c.steps.length - 1) return finish(t, 'approved', { kind: 'approved', details: { payment: 'none' } });
      return enterStep(t, index + 1);
    }
    // the time the applicant takes to pay is theirs, not the department's: the clock stops
    const pause = c.case_type === 'promised' && !c.paused_since ? { paused_since: today() } : {};
    return {
      fields: { ...base, current_roles: [], fee_notice_id: notice.noticeId, ...pause },
      record: { kind: 'payment_requested', details: { noticeId: notice.noticeId, code: notice.code, amountFen: notice.amountFen }, notify: true },
    };
  }
  return { fields: base };
}

/** A late decision names its reason (given now or before). */
function lateReason(t: Turn): string | null {
  if (!isLate(t.c)) return null;
  const reason = t.input.overdueReason?.trim() || t.c.overdue_reason;
  if (!reason) throw unprocessable('OVERDUE_REASON_REQUIRED', { due: t.c.promised_due ?? '' }, { promisedDue: t.c.promised_due });
  return reason;
}

/** The case ends by a staff decision: late needs the reason, approval needs every deferred material. */
async function finish(t: Turn, outcome: 'approved' | 'disapproved', record: TransitionRecord): Promise<Outcome> {
  const reason = lateReason(t);
  if (outcome === 'approved') {
    const missing = await outstandingDeferred(t.tx, t.c);
    if (missing.length) throw new AppError('DEFERRED_MATERIALS_OUTSTANDING', 409, { count: missing.length }, { materialKeys: missing });
  }
  const done = await completion(t.tx, t.c, outcome, await t.content(), reason);
  return { fields: done.fields, record: { notify: true, ...record, details: { ...(record.details ?? {}), ...done.details } } };
}

type Handler = (t: Turn) => Promise<Outcome>;

const ACTION_HANDLERS: Record<Action, Handler> = {
  async claim(t) {
    return { fields: { assignee_id: t.staff.id }, record: { kind: 'claimed' } };
  },

  async assign(t) {
    const { c, input } = t;
    const step = currentStep(c)!;
    if (!input.assigneeId) throw validationFailed('assigneeId', 'REQUIRED');
    const target = await staffActor(t.tx, input.assigneeId);
    const able = target?.roles.some((g) => step.roles.includes(g.role) && grantCovers(g, scopeOf(c)));
    if (!target || !able) throw unprocessable('ASSIGNEE_CANNOT_ACT', { step: step.name }, { assigneeId: input.assigneeId, roles: step.roles });
    return {
      fields: { assignee_id: target.id },
      record: { kind: c.assignee_id === t.staff.id ? 'transferred' : 'assigned', opinion: input.opinion?.trim() || null, details: { assigneeId: target.id, assigneeName: target.name } },
    };
  },

  async accept(t) {
    const { c, input } = t;
    const instant = instantAcceptance(c, input.instantOverride);
    if (input.deferred?.materialKeys.length) {
      if (c.case_type === 'immediate') throw conflict('DEFERRED_NOT_FOR_IMMEDIATE');
      const known = new Set(((await t.content())?.materials ?? []).map(materialKeyOf));
      const unknown = input.deferred.materialKeys.filter((k) => !known.has(k));
      if (unknown.length) throw unprocessable('MATERIAL_UNKNOWN', { key: unknown.join(',') }, { materialKeys: unknown });
      const day = today();
      const cal = await calendarFor(t.tx, day, input.deferred.dueInDays + 10);
      const due = cal.addWorkingDays(day, input.deferred.dueInDays);
      await scheduleDeferredReminder(t.tx, c, cal, due);
      const next = await enterStep(t, 1);
      return {
        fields: { ...next.fields, status: 'processing', accepted_at: clock.now(), deferred_keys: [...new Set(input.deferred.materialKeys)], deferred_due: due },
        record: { kind: 'accepted_deferred', opinion: input.opinion?.trim() || null, details: { deferred: input.deferred.materialKeys, due }, notify: true },
        entered: next.record,
      };
    }
    if (instant.complete) {
      // 即办: decided on the spot, completed at acceptance (秒批 passed, did not run, or overridden)
      const done = await finish(t, 'approved', { kind: 'completed_at_acceptance', opinion: input.opinion?.trim() || null });
      return { ...done, fields: { ...done.fields, accepted_at: clock.now() }, before: instant.overridden };
    }
    const next = await enterStep(t, 1);
    // a 即办 case whose 秒批 rules failed is reviewed like any other, and the entry says why
    const failed = failedInstantRules(c);
    return {
      fields: { ...next.fields, status: 'processing', accepted_at: clock.now() },
      record: { kind: 'accepted', opinion: input.opinion?.trim() || null, notify: true, ...(failed.length ? { details: { instantFailed: failed.map((r) => r.label) } } : {}) },
      entered: next.record,
    };
  },

  async refuse(t) {
    return {
      fields: { status: 'refused', current_roles: [], assignee_id: null, completed_at: clock.now() },
      record: { kind: 'refused', opinion: requireOpinion(t.input), notify: true },
    };
  },

  async request_correction(t) {
    const { c, input } = t;
    if (c.correction_count >= 1) throw conflict('CORRECTION_ONCE');
    const items = input.items ?? [];
    if (!items.length) throw validationFailed('items', 'REQUIRED');
    const known = new Set(((await t.content())?.materials ?? []).map(materialKeyOf));
    const unknown = items.filter((i) => i.materialKey && !known.has(i.materialKey)).map((i) => i.materialKey!);
    if (unknown.length) throw unprocessable('MATERIAL_UNKNOWN', { key: unknown.join(',') }, { materialKeys: unknown });
    return {
      fields: { status: 'correction', correction_count: c.correction_count + 1, correction_items: items, paused_since: today(), current_roles: [], assignee_id: null },
      record: { kind: 'correction_requested', opinion: input.opinion?.trim() || null, details: { items }, notify: true },
    };
  },

  async approve(t) {
    const { c, input } = t;
    const opinion = input.opinion?.trim() || null;
    const last = c.current_step === c.steps.length - 1;
    const decided = stepKind(c.steps, c.current_step) === 'decide';
    if (last || decided) requireInstantOpinion(c, opinion);
    let ended: Record<string, unknown> = {};
    let endedDetails: Record<string, unknown> = {};
    if (c.special_procedure) {
      // passing a special step ends its procedure, with the opinion as its result
      const e = await endSpecial(t.tx, c, opinion, t.staff.id);
      ended = e.fields;
      endedDetails = { specialProcedure: e.details };
    }
    if (last) {
      const done = await finish(t, 'approved', { kind: 'approved', opinion, details: endedDetails });
      return { ...done, fields: { ...ended, ...done.fields } };
    }
    // a decision made late names its reason even when a payment step still follows
    const reason = decided ? lateReason(t) : null;
    const next = await enterStep(t, c.current_step + 1);
    return {
      fields: { ...ended, ...next.fields, ...(reason ? { overdue_reason: reason } : {}) },
      // the applicant hears of what follows (a fee notice, the end), not of internal passes
      record: { kind: decided ? 'decided_approved' : 'step_approved', opinion, details: endedDetails, notify: false },
      entered: next.entered ?? next.record,
    };
  },

  async disapprove(t) {
    const { c, input } = t;
    const opinion = requireOpinion(input);
    // a reviewer's "no" is a recommendation: the decision step decides
    if (stepKind(c.steps, c.current_step) === 'decide' || c.current_step === c.steps.length - 1) return finish(t, 'disapproved', { kind: 'disapproved', opinion });
    const next = await enterStep(t, c.current_step + 1);
    return { fields: next.fields, record: { kind: 'step_disapproved', opinion }, entered: next.record };
  },

  async return(t) {
    const { c, input } = t;
    const opinion = requireOpinion(input);
    const target = c.steps.findIndex((s) => s.key === input.toStep);
    if (target < 1 || target >= c.current_step) throw unprocessable('CASE_RETURN_TARGET', { step: input.toStep ?? '' }, { toStep: input.toStep ?? null });
    let fields: Record<string, unknown> = {};
    if (c.special_procedure) fields = (await endSpecial(t.tx, c, opinion, t.staff.id)).fields;
    const entered = await enterStep({ ...t, c: { ...c, ...fields } as CaseRow }, target);
    return { fields: { ...fields, ...entered.fields }, record: { kind: 'returned', opinion, details: { toStep: input.toStep } }, entered: entered.record };
  },

  async start_special(t) {
    const { c, input } = t;
    if (!input.procedure) throw validationFailed('procedure', 'REQUIRED');
    const started = await startSpecial(t.tx, c, await t.content(), { procedure: input.procedure, name: input.procedureName, stepKey: null, reason: requireOpinion(input) }, t.staff.id);
    return { fields: started.fields, record: { kind: 'special_procedure_started', opinion: input.opinion!.trim(), details: started.details, notify: true } };
  },

  async end_special(t) {
    const opinion = requireOpinion(t.input);
    const ended = await endSpecial(t.tx, t.c, opinion, t.staff.id);
    return { fields: ended.fields, record: { kind: 'special_procedure_ended', opinion, details: ended.details, notify: true } };
  },

  async explain_overdue(t) {
    const reason = t.input.overdueReason?.trim() || requireOpinion(t.input);
    return { fields: { overdue_reason: reason }, record: { kind: 'overdue_explained', opinion: reason } };
  },
};
