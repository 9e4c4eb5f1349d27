import { systemActor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { on, type Subscription } from '../../../kernel/events/index.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { t } from '../../../kernel/i18n/index.ts';
import { personalData, type PersonalData } from '../../../kernel/pii.ts';
import { queueSms } from '../../identity/index.ts';
import { notifyStaff, staffToAlert } from '../../org/index.ts';
import { NOTICE_PAID } from '../../payment/index.ts';
import { getVersionById } from '../../catalog/index.ts';
import { loadCase } from '../access.ts';
import { resumeClock } from './clocks.ts';
import { completion } from './completion.ts';
import { SUPERVISION_DUE } from '../events.ts';
import { HEAD_ROLES, stepKind, type CaseRow } from '../model.ts';
import { caseParams, notifySupervision } from './staff-notices.ts';
import { recordTransition, updateCase } from './transitions.ts';

const PAYMENT = systemActor('cases.payment');
const CLOCK = systemActor('cases.clock');

/**
 * The case waiting at its payment step resumes when its notice is paid: the timeline shows 已缴费
 * with the amount and time, then the next step, or the end (approved) when payment was the last. A notice the case no longer waits on (paid twice
 * through two channels, or after the case moved on) changes nothing.
 */
export function workflowHandlers(ctx: AppContext): Subscription[] {
  const pii = personalData(ctx.config.masterKey);
  return [
    on(NOTICE_PAID, async (event, tx) => {
      const { caseId, noticeId, amountFen, paidAt } = event.payload;
      if (!caseId) return;
      const c = await loadCase(tx, caseId, true);
      if (!c || c.status !== 'processing' || c.fee_notice_id !== noticeId || stepKind(c.steps, c.current_step) !== 'payment') return;
      const last = c.current_step === c.steps.length - 1;
      // the clock stood still while the applicant paid
      const resumed = c.paused_since ? (await resumeClock(tx, c)).fields : {};
      const running = { ...c, ...resumed } as CaseRow;
      const step = c.steps[c.current_step]!.key;
      const paid = { noticeId, paid: true, amountFen, paidAt };
      if (last) {
        // 已缴费 is its own entry (amount and time), then the case completes as approved
        await recordTransition(tx, pii, PAYMENT, running, { kind: 'paid', stepKey: step, details: paid });
        const content = (await getVersionById(tx, c.item_version_id))?.content;
        const done = await completion(tx, running, 'approved', content, c.overdue_reason);
        const updated = await updateCase(tx, c, { ...resumed, ...done.fields });
        await recordTransition(tx, pii, PAYMENT, updated, { kind: 'approved', stepKey: step, details: { noticeId, ...done.details }, notify: true });
      } else {
        const updated = await updateCase(tx, c, { ...resumed, current_step: c.current_step + 1, current_roles: c.steps[c.current_step + 1]!.roles, assignee_id: null });
        await recordTransition(tx, pii, PAYMENT, updated, { kind: 'paid', stepKey: step, details: paid, notify: true });
      }
    }),
    on(SUPERVISION_DUE, async (event, tx) => {
      const { caseId, supervisionId } = event.payload;
      const open = await tx.one<{ reply_due: string }>(
        `select to_char(reply_due, 'YYYY-MM-DD') as reply_due from case_supervision where id = $1 and reply is null`,
        [supervisionId],
      );
      const c = open && (await loadCase(tx, caseId, true));
      if (!c) return;
      // visible on the timeline and to the supervisor's cockpit; the order stays open until answered
      await recordTransition(tx, pii, CLOCK, c, { kind: 'supervision_overdue', details: { supervisionId, replyDue: open.reply_due } });
      await notifySupervision(tx, c, 'supervision_overdue', supervisionId, { replyDue: open.reply_due });
    }),
  ];
}

/**
 * A yellow or red deadline warning reaches the handler who holds the step and the department's
 * heads in the workbench and by SMS (in the clock event's transaction, so once); staff without a
 * phone get the workbench message only.
 */
export async function alertStaff(tx: Tx, pii: PersonalData, c: CaseRow, level: 'yellow' | 'red'): Promise<number> {
  const people = await staffToAlert(tx, { staffIds: c.assignee_id ? [c.assignee_id] : [], departmentId: c.department_id, roles: HEAD_ROLES });
  const params = { ...caseParams(c), due: c.promised_due ?? '' };
  await notifyStaff(tx, people.map((p) => p.id), { kind: `deadline_${level}`, caseId: c.id, params });
  const text = t('zh-CN', `cases.sms.staff_${level}`, params);
  let sent = 0;
  for (const p of people) {
    if (!p.phoneEnc) continue;
    await queueSms(tx, pii, pii.decrypt(p.phoneEnc), text);
    sent++;
  }
  return sent;
}
