import { systemActor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { on, type Subscription } from '../../../kernel/events/index.ts';
import { personalData } from '../../../kernel/pii.ts';
import { loadCase } from '../access.ts';
import { DEADLINE_WARNING_DUE, DEFERRED_REMINDER_DUE } from '../events.ts';
import { outstandingDeferred } from '../application/materials.ts';
import { ACTIVE_STATUSES } from '../model.ts';
import { recordTransition, updateCase } from './transitions.ts';
import { resultHandlers } from '../result/handlers.ts';
import { bundleHandlers } from '../bundle/handlers.ts';
import { alertStaff, workflowHandlers } from './handlers.ts';
import { staffNoticeHandlers } from './staff-notices.ts';
import { CALENDAR_YEAR_CONFIRMED } from '../../platform/index.ts';
import { recomputeProvisionalDeadlines } from './calendar-years.ts';

const CLOCK = systemActor('cases.clock');

/**
 * Timers. Each runs in the claiming transaction, so the warning and its timeline entry, audit
 * and notification commit together with the event being done: a crash redoes all or nothing,
 * and the SMS is queued exactly once.
 */
export function caseHandlers(ctx: AppContext): Subscription[] {
  const pii = personalData(ctx.config.masterKey);
  const timers = [
    on(DEADLINE_WARNING_DUE, async (event, tx) => {
      const { caseId, level, promisedDue } = event.payload;
      const c = await loadCase(tx, caseId, true);
      // finished, paused (correction, special procedure), or the deadline moved since this timer was set: nothing to do
      if (!c || !ACTIVE_STATUSES.includes(c.status) || c.paused_since || c.promised_due !== promisedDue) return;
      if (c.warning === level || (c.warning === 'red' && level === 'yellow')) return;
      const updated = await updateCase(tx, c, level === 'red' ? { warning: 'red', overdue: true } : { warning: 'yellow' });
      await recordTransition(tx, pii, CLOCK, updated, { kind: level === 'red' ? 'overdue' : 'warning_yellow', details: { promisedDue } });
      await alertStaff(tx, pii, updated, level);
    }),
    on(DEFERRED_REMINDER_DUE, async (event, tx) => {
      const { caseId, due } = event.payload;
      const c = await loadCase(tx, caseId, true);
      if (!c || !ACTIVE_STATUSES.includes(c.status) || c.deferred_due !== due) return;
      const missing = await outstandingDeferred(tx, c);
      if (!missing.length) return;
      await recordTransition(tx, pii, CLOCK, c, { kind: 'deferred_reminder', details: { due, materialKeys: missing }, notify: true });
    }),
  ];
  // a confirmed calendar year: provisional deadlines are counted again (calendar-years.ts)
  const calendar = on(CALENDAR_YEAR_CONFIRMED, async (event, tx) => {
    await recomputeProvisionalDeadlines(tx, pii, event.payload.year, event.payload.source);
  });
  return [...timers, calendar, ...workflowHandlers(ctx), ...resultHandlers(ctx), ...bundleHandlers(ctx), ...staffNoticeHandlers(ctx)];
}
