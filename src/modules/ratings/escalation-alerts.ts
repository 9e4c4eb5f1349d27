import { systemActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import { on, type Subscription } from '../../kernel/events/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import { personalData } from '../../kernel/pii.ts';
import { queueSms } from '../identity/index.ts';
import { notifyStaff, staffToAlert } from '../org/index.ts';
import { TASK_ESCALATED } from './events.ts';

/** Who answers for a department's overdue rectification: its administrators and leaders. */
export const ALERT_ROLES = ['department_admin', 'leader'] as const;

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * `ratings.task_escalated`: text the department's heads that a bad rating went unanswered past
 * its deadline. One row per task and person in `rating_task_alert`, so a redelivered event
 * texts nobody twice; staff without a mobile number on file are skipped (and counted).
 */
export function escalationAlertHandler(ctx: AppContext): Subscription {
  const pii = personalData(ctx.config.masterKey);
  return on(TASK_ESCALATED, async (event, tx) => {
    const { taskId, departmentId, dueDate } = event.payload;
    const task = await tx.one<{ case_id: string; case_number: string; item_name: string; region_code: string }>(
      `select r.case_id, r.case_number, r.item_name, k.region_code from rating_task k join rating r on r.id = k.rating_id where k.id = $1`,
      [taskId],
    );
    if (!task) return;
    const heads = await staffToAlert(tx, { staffIds: [], departmentId, roles: ALERT_ROLES });
    await notifyStaff(tx, heads.map((h) => h.id), { kind: 'rating_escalated', caseId: task.case_id, ref: taskId, params: { number: task.case_number, item: task.item_name, dueDate } });
    const text = t('zh-CN', 'ratings.sms.escalated', { number: task.case_number, item: task.item_name, dueDate });
    let sent = 0;
    let noPhone = 0;
    for (const head of heads) {
      const phone = head.phoneEnc ? pii.decrypt(head.phoneEnc) : '';
      if (!MOBILE.test(phone)) {
        noPhone++;
        continue;
      }
      const fresh = await tx.one('insert into rating_task_alert (task_id, staff_id) values ($1, $2) on conflict do nothing returning staff_id', [taskId, head.id]);
      if (!fresh) continue;
      await queueSms(tx, pii, phone, text);
      sent++;
    }
    if (sent || noPhone) {
      await appendAudit(tx, systemActor('ratings.escalation'), {
        action: 'rating_task.heads_alerted',
        objectType: 'rating_task',
        objectId: taskId,
        regionCode: task.region_code,
        details: { sent, withoutPhone: noPhone },
      });
    }
  });
}
