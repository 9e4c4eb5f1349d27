import type { AppContext } from '../../kernel/context.ts';
import { on, type Subscription } from '../../kernel/events/index.ts';
import { escalateIfOverdue, remindIfPending } from './demands.ts';
import { DEMAND_DUE, DEMAND_ESCALATION_DUE, EXPORT_FILE_EXPIRY_DUE, EXPORT_JOB_DUE } from './events.ts';
import { expireExportFile, runExportJob } from './export-job-run.ts';

/** The demand clock (a reminder the morning it falls due, the data bureau the day after); export jobs and their files' expiry. */
export function dataHandlers(ctx: AppContext): Subscription[] {
  return [
    on(DEMAND_DUE, (event, tx) => remindIfPending(tx, event.payload.demandId, event.payload.dueDate)),
    on(DEMAND_ESCALATION_DUE, (event, tx) => escalateIfOverdue(tx, event.payload.demandId, event.payload.dueDate)),
    on(EXPORT_JOB_DUE, (event, tx) => runExportJob(ctx, tx, event.payload.jobId, event.regionCode)),
    on(EXPORT_FILE_EXPIRY_DUE, (event, tx) => expireExportFile(ctx, tx, event.payload.jobId)),
  ];
}
