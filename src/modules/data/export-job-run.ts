import type { Actor } from '../../kernel/actor.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { personalData } from '../../kernel/pii.ts';
import { changedRows, exportCsv } from './bulk-rows.ts';
import { logCall, newCall, type CallLog } from './calls.ts';
import { EXPORT_FILE_EXPIRY_DUE, EXPORT_JOB_DUE } from './events.ts';
import { authoriseBulk, callUse, logRefusal, project } from './gateway.ts';
import type { RecordValues } from './record-values.ts';

// The run of a bulk export job and the expiry of its file: outbox handlers, each in the claiming
// transaction `tx` (never ctx.db here: on PGlite that one connection is the transaction's).

/** How long a job's file is kept: long enough for a system that polls daily to miss a few days. */
export const EXPORT_FILE_DAYS = 7;
const MS_PER_DAY = 86_400_000;
/** Rows read and decrypted at a time (the file itself is built whole: the file store takes a buffer). */
const READ_BATCH = 5000;

type RunRow = { client_id: string; resource_code: string; format: 'csv' | 'json'; changed_since: Date | null; purpose: string | null; status: string };

/**
 * One step of a job. A queued job is marked running and its run is queued as a second event: the
 * run's own transaction shows nothing until it commits, and a run that fails and is retried by the
 * outbox should read as running, not as waiting. A running job is run: the grant checked again as
 * it stands now (revoked, expired, the system suspended … → failed with the refusal's code, the
 * refusal logged, no file), every row within the grant's fields and rows, masked as the gateway
 * masks, written to the file store; ONE call on the grant's quota and log, and the ledger entry
 * of every person touched, in one statement (logCall). Anything else — done, failed — was handled.
 */
export async function runExportJob(ctx: AppContext, tx: Tx, jobId: string, regionCode: string | null): Promise<void> {
  const job = await tx.one<RunRow>(
    `select client_id, resource_code, format, changed_since, purpose, status from data_export_job where id = $1 for update`,
    [jobId],
  );
  if (job?.status === 'queued') {
    await tx.query(`update data_export_job set status = 'running', started_at = clock_now() where id = $1`, [jobId]);
    await emit(tx, EXPORT_JOB_DUE, { jobId }, { regionCode, dedupeKey: `data.export_job_due:${jobId}:run` });
    return;
  }
  if (job?.status !== 'running') return;
  const actor: Actor = { kind: 'client', id: job.client_id };
  const call = newCall(actor, 'export', job.purpose ?? undefined);
  let exported: Awaited<ReturnType<typeof exportAll>>;
  try {
    exported = await exportAll(ctx, tx, actor, call, job);
  } catch (err) {
    // not a refusal (the database, a bug): the outbox retries the run with its backoff
    if (!(err instanceof AppError)) throw err;
    const callId = await logRefusal(tx, call, err);
    await tx.query(`update data_export_job set status = 'failed', error_code = $2, call_id = $3, finished_at = clock_now() where id = $1`, [
      jobId,
      err.code,
      callId,
    ]);
    return;
  }
  const stored = await ctx.files.put(exported.content, { prefix: 'data-exports' });
  try {
    const expiresAt = new Date(clock.nowMs() + EXPORT_FILE_DAYS * MS_PER_DAY);
    await tx.query(
      `update data_export_job set status = 'done', rows = $2, call_id = $3, last_changed_at = $4, file_key = $5, file_size = $6, file_sm3 = $7,
              finished_at = clock_now(), expires_at = $8 where id = $1`,
      [jobId, exported.rows, exported.callId, exported.lastChangedAt, stored.key, stored.size, stored.sm3, expiresAt.toISOString()],
    );
    await emit(tx, EXPORT_FILE_EXPIRY_DUE, { jobId }, { regionCode, dueAt: expiresAt, dedupeKey: `data.export_file_expiry_due:${jobId}` });
  } catch (err) {
    // the handler's writes roll back and the run is retried: this file would be nobody's (only a
    // commit failing after this point still leaves one behind, under a key no job names)
    await ctx.files.delete(stored.key).catch(() => undefined);
    throw err;
  }
}

/** The whole export under the grant as it stands, logged as one answered call (a used-up quota refuses it). */
async function exportAll(ctx: AppContext, tx: Tx, actor: Actor, call: CallLog, job: RunRow) {
  const pii = personalData(ctx.config.masterKey);
  const { s, grant, fields } = await authoriseBulk(tx, null, actor, call, job.resource_code);
  const changedSince = job.changed_since === null ? null : new Date(job.changed_since).toISOString();
  const records: RecordValues[] = [];
  const persons = new Set<string>();
  let lastChangedAt: Date | null = null;
  for (let after = '0'; ; ) {
    const rows = await changedRows(tx, s.resource_id!, grant, { after, changedSince, limit: READ_BATCH });
    for (const r of rows) {
      records.push(project(JSON.parse(pii.decrypt(r.values_enc)) as RecordValues, fields, grant).record);
      for (const p of r.persons) persons.add(p);
      const changedAt = new Date(r.changed_at);
      if (!lastChangedAt || changedAt > lastChangedAt) lastChangedAt = changedAt;
    }
    if (rows.length < READ_BATCH) break;
    after = String(rows[rows.length - 1]!.change_seq);
  }
  const callId = await logCall(tx, { ...call, rows: records.length, persons: [...persons] }, await callUse(tx, call, s, grant, fields));
  const keys = fields.map((f) => f.key);
  const content = job.format === 'csv' ? exportCsv(keys, records) : JSON.stringify({ resource: s.resource_code, fields: keys, rows: records });
  return { content: Buffer.from(content, 'utf8'), rows: records.length, callId, lastChangedAt: lastChangedAt?.toISOString() ?? null };
}

/** The expiry timer: the file goes; the job stays, with what it held (rows, size, SM3) and when. */
export async function expireExportFile(ctx: AppContext, tx: Tx, jobId: string): Promise<void> {
  const job = await tx.one<{ file_key: string | null }>(`select file_key from data_export_job where id = $1 for update`, [jobId]);
  if (!job?.file_key) return;
  await tx.query(`update data_export_job set file_key = null where id = $1`, [jobId]);
  // last: should it fail, the update rolls back and the timer tries again
  await ctx.files.delete(job.file_key);
}
