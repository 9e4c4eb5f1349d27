import { Type } from 'typebox';
import { defineTopic } from '../../kernel/events/index.ts';

/** The data module's outbox topics: the clock of a sharing demand, and the run and expiry of bulk export jobs. */

/** Timer: the morning a pending demand falls due, its provider's keepers are reminded. */
export const DEMAND_DUE = defineTopic('data.demand_due', Type.Object({ demandId: Type.String(), dueDate: Type.String() }));

/** Timer: the day after the due date, a demand still unanswered is overdue and goes to the data bureau. */
export const DEMAND_ESCALATION_DUE = defineTopic('data.demand_escalation_due', Type.Object({ demandId: Type.String(), dueDate: Type.String() }));

/**
 * An export job to run, due at once. Emitted twice: the first event marks the job running (in a
 * transaction of its own, so the system sees it running), the second runs it.
 */
export const EXPORT_JOB_DUE = defineTopic('data.export_job_due', Type.Object({ jobId: Type.String() }));

/** Timer: seven days after an export job's file was written, the file is deleted. */
export const EXPORT_FILE_EXPIRY_DUE = defineTopic('data.export_file_expiry_due', Type.Object({ jobId: Type.String() }));
