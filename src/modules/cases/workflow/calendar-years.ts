import { systemActor } from '../../../kernel/actor.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { CASE_COLUMNS, type CaseRow } from '../model.ts';
import { calendarFor, deadlineProvisional, deadlines, scheduleWarnings } from './clocks.ts';
import { recordTransition, updateCase } from './transitions.ts';

const CALENDAR = systemActor('cases.calendar');

/**
 * A year of the working-day calendar was confirmed (platform.calendar_year_confirmed): every
 * open case whose deadline was provisional is counted again from its clock start with the
 * working days it stood still, on the calendar as it is now. A moved deadline gets new warning
 * timers (the old ones find another due date and do nothing); each case records the change on
 * its timeline (audited, `deadline_recomputed`), also when only the 暂定 mark goes. Idempotent:
 * a second run finds nothing provisional, or nothing that changed.
 */
export async function recomputeProvisionalDeadlines(tx: Tx, pii: PersonalData, year: number, source: string): Promise<number> {
  const cases = await tx.query<CaseRow>(
    `select ${CASE_COLUMNS} from case_record c
      where c.deadline_provisional and c.status in ('submitted', 'processing') and c.clock_start is not null
      order by c.id for update`,
  );
  let changed = 0;
  for (const c of cases) {
    const start = c.clock_start!;
    const cal = await calendarFor(tx, start, c.statutory_days + c.paused_days + 10);
    const d = deadlines(cal, start, c.promised_days, c.statutory_days, c.paused_days);
    const provisional = await deadlineProvisional(tx, start, d);
    if (d.promisedDue === c.promised_due && d.statutoryDue === c.statutory_due && provisional === c.deadline_provisional) continue;
    const updated = await updateCase(tx, c, { promised_due: d.promisedDue, statutory_due: d.statutoryDue, deadline_provisional: provisional });
    // a paused clock gets its timers when it resumes (resumeClock)
    if (c.case_type === 'promised' && !c.paused_since) await scheduleWarnings(tx, c, d);
    await recordTransition(tx, pii, CALENDAR, updated, {
      kind: 'deadline_recomputed',
      details: {
        year,
        source,
        before: { promisedDue: c.promised_due, statutoryDue: c.statutory_due, provisional: c.deadline_provisional },
        after: { promisedDue: d.promisedDue, statutoryDue: d.statutoryDue, provisional },
      },
    });
    changed++;
  }
  return changed;
}
