import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { resumeClock, today } from './clocks.ts';
import type { ActiveSpecial, CaseRow } from '../model.ts';
import { procedureName, procedurePausesClock } from './steps.ts';
import type { SpecialRecord } from '../schemas.ts';

export interface SpecialStart {
  procedure: string;
  name?: string;
  /** The workflow step that is this procedure, or null when a handler started it during review. */
  stepKey: string | null;
  reason: string | null;
}

/**
 * A special procedure (特别程序) begins: recorded for the §2.6 特别程序 record, and when the law
 * does not count it in the limit the clock stops today. Returns the case fields to set.
 */
export async function startSpecial(tx: Tx, c: CaseRow, content: ItemContent | undefined, s: SpecialStart, staffId: string | null) {
  const id = uuidv7();
  const day = today();
  const name = s.name?.trim() || procedureName(s.procedure);
  const pauses = c.case_type === 'promised' && procedurePausesClock(content, s.procedure, name);
  await tx.query(
    `insert into case_special_procedure (id, case_id, procedure, name, step_key, reason, pauses_clock, started_on, started_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, c.id, s.procedure, name, s.stepKey, s.reason, pauses, day, staffId],
  );
  const active: ActiveSpecial = { id, procedure: s.procedure, name, startedOn: day, pausesClock: pauses, stepKey: s.stepKey };
  return {
    fields: { special_procedure: active, ...(pauses ? { paused_since: day } : {}) } as Record<string, unknown>,
    details: { procedure: s.procedure, name, pausesClock: pauses },
  };
}

/** The running procedure ends with its result; paused working days extend the limits. */
export async function endSpecial(tx: Tx, c: CaseRow, result: string | null, staffId: string | null) {
  const sp = c.special_procedure!;
  let fields: Record<string, unknown> = { special_procedure: null };
  let pausedDays = 0;
  if (sp.pausesClock && c.paused_since) {
    const resumed = await resumeClock(tx, c);
    fields = { ...fields, ...resumed.fields };
    pausedDays = resumed.added;
  }
  await tx.query(`update case_special_procedure set ended_on = $2, ended_by = $3, result = $4, paused_days = $5 where id = $1`, [
    sp.id, today(), staffId, result, pausedDays,
  ]);
  return { fields, details: { procedure: sp.procedure, name: sp.name, pausedDays } };
}

export type { SpecialRecord };

/** The case's special procedures in order, for the detail view and the §2.6 records. */
export async function specialProcedures(q: Queryable, caseId: string): Promise<SpecialRecord[]> {
  return q.query<SpecialRecord>(
    `select procedure, name, step_key as "stepKey", reason, pauses_clock as "pausesClock", to_char(started_on, 'YYYY-MM-DD') as "startedOn",
            to_char(ended_on, 'YYYY-MM-DD') as "endedOn", result, paused_days as "pausedDays"
       from case_special_procedure where case_id = $1 order by started_on, id`,
    [caseId],
  );
}
