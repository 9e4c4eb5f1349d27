import type { Actor } from '../../kernel/actor.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/sm3.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { FileNotFoundError } from '../../kernel/files/store.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { newCall } from './calls.ts';
import { EXPORT_JOB_DUE } from './events.ts';
import { gatewayClient, type ExchangeGateway } from './gateway.ts';
import type { ExportJob, ExportJobStart } from './schemas-exchange.ts';

// Bulk export jobs (批量交换, asynchronous), as the department system sees them: started under
// the gateway's checks, read back by the system that started them only. The run is in
// export-job-run.ts (an outbox handler).

type JobRow = {
  id: string;
  resource_code: string;
  format: ExportJob['format'];
  changed_since: Date | null;
  purpose: string | null;
  request_sm3: string;
  status: ExportJob['status'];
  error_code: string | null;
  rows: number | null;
  last_changed_at: Date | null;
  file_key: string | null;
  file_size: number | null;
  file_sm3: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
};

const COLUMNS = `id, resource_code, format, changed_since, purpose, request_sm3, status, error_code, rows, last_changed_at,
  file_key, file_size, file_sm3, created_at, started_at, finished_at, expires_at`;

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

function view(r: JobRow): ExportJob {
  return {
    id: r.id,
    resource: r.resource_code,
    format: r.format,
    changedSince: iso(r.changed_since),
    purpose: r.purpose,
    status: r.status,
    rows: r.rows,
    errorCode: r.error_code,
    lastChangedAt: iso(r.last_changed_at),
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    expiresAt: iso(r.expires_at),
    file: r.file_key && r.file_size !== null && r.file_sm3 ? { size: r.file_size, sm3: r.file_sm3 } : null,
  };
}

/**
 * Starts a job: the gateway's checks of a bulk export now (bearer, system, rate, resource, grant
 * with bulk — a refusal is logged as the synchronous export's is), the run later through the
 * outbox, which checks the grant again. With an `Idempotency-Key` a second start of the same
 * request answers with the first job; the key used for another request → 422.
 */
export async function startExportJob(
  ctx: AppContext,
  gateway: ExchangeGateway,
  actor: Actor,
  input: ExportJobStart,
  idempotencyKey: string | undefined,
): Promise<ExportJob> {
  const call = newCall(actor, 'export', input.purpose);
  const { s } = await gateway.admitBulk(actor, call, input.resource);
  const request = { resource: input.resource, format: input.format, changedSince: input.changedSince ?? null, purpose: input.purpose ?? null };
  const requestSm3 = sm3Hex(canonicalJson(request));
  return ctx.db.transaction(async (tx) => {
    const id = uuidv7();
    // a concurrent start with the same key waits on this insert and then finds the first job
    const inserted = await tx.one<JobRow>(
      `insert into data_export_job (id, client_id, resource_code, format, changed_since, purpose, idempotency_key, request_sm3)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (client_id, idempotency_key) do nothing returning ${COLUMNS}`,
      [id, call.clientId, request.resource, request.format, request.changedSince, request.purpose, idempotencyKey ?? null, requestSm3],
    );
    if (inserted) {
      await emit(tx, EXPORT_JOB_DUE, { jobId: id }, { regionCode: s.region_code, dedupeKey: `data.export_job_due:${id}` });
      return view(inserted);
    }
    const first = (await tx.one<JobRow>(`select ${COLUMNS} from data_export_job where client_id = $1 and idempotency_key = $2`, [
      call.clientId,
      idempotencyKey,
    ]))!;
    if (first.request_sm3 !== requestSm3) throw unprocessable('DATA_EXPORT_JOB_KEY_REUSED', {}, { key: idempotencyKey, jobId: first.id });
    return view(first);
  });
}

/** The calling system's own job; another system's is as unknown as one that does not exist. */
async function ownJob(q: Queryable, actor: Actor, id: string): Promise<JobRow> {
  const clientId = gatewayClient(actor);
  const row = await q.one<JobRow>(`select ${COLUMNS} from data_export_job where id = $1 and client_id = $2`, [id, clientId]);
  if (!row) throw notFound('export job', id);
  return row;
}

export async function exportJobStatus(ctx: AppContext, actor: Actor, id: string): Promise<ExportJob> {
  return view(await ownJob(ctx.db, actor, id));
}

const expired = (id: string) => new AppError('DATA_EXPORT_FILE_EXPIRED', 410, {}, { jobId: id });

/**
 * A done job's file, to the system that started it, while it is kept. What it holds was checked,
 * counted and written to the ledger when the job ran; the download adds nothing to either.
 */
export async function exportJobFile(ctx: AppContext, actor: Actor, id: string): Promise<{ content: Buffer; type: string; filename: string }> {
  const job = await ownJob(ctx.db, actor, id);
  if (job.status !== 'done') throw conflict('DATA_EXPORT_JOB_NOT_DONE', { status: job.status });
  if (!job.file_key) throw expired(id);
  const content = await ctx.files.get(job.file_key).catch((err: unknown) => {
    // the expiry timer deleted it between the read above and this one
    throw err instanceof FileNotFoundError ? expired(id) : err;
  });
  if (sm3Hex(content) !== job.file_sm3) throw conflict('DATA_EXPORT_FILE_TAMPERED', {}, { jobId: id });
  const name = `${job.resource_code.replace('/', '-')}-${id}.${job.format}`;
  return { content, type: job.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', filename: name };
}
