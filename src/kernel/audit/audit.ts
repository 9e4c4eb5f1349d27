import type { Actor } from '../actor.ts';
import { canonicalJson } from '../canonical-json.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import { beforeCommit } from '../db/commit-hooks.ts';
import type { Queryable, Tx } from '../db/index.ts';
import * as clock from '../clock.ts';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  regionCode?: string | null;
  details?: Record<string, unknown>;
}

// Distinct from the migration lock; serialises appends so the chain has no forks even with
// many instances writing at once.
const AUDIT_LOCK_KEY = 7_401_3003;

interface ChainFields {
  seq: number;
  at: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  regionCode: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

const entryHash = (f: ChainFields) => sm3Hex(canonicalJson(f));

type AuditActor = Actor | { kind: 'staff' | 'person'; id: string };

/**
 * Append to the chain inside the caller's transaction, so the audit entry exists exactly when
 * the change it records does. The entry is chained just before the transaction commits (see
 * kernel/db/commit-hooks.ts): the chain's lock, which every writer of the platform shares, is
 * then held for the append and the commit only. Entries of a savepoint rolled back are dropped
 * with it. `actor` may be a bare account reference where no full actor exists yet (a login).
 */
export async function appendAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  if (!beforeCommit(tx, () => queue(tx, { actor, entry }))) await chainEntries(tx, [{ actor, entry }]);
}

interface Pending {
  actor: AuditActor;
  entry: AuditEntry;
}

/**
 * The entries still to chain at a commit, in order. Each entry's own hook (dropped with its
 * savepoint) adds it here; the first one also registers the hook that chains them all, which
 * runs after them: a transaction auditing many changes (a whole list imported) takes the lock
 * and writes the chain once instead of once per entry.
 */
const batches = new WeakMap<Tx, Pending[]>();

async function queue(tx: Tx, pending: Pending): Promise<void> {
  const batch = batches.get(tx);
  if (batch) {
    batch.push(pending);
    return;
  }
  batches.set(tx, [pending]);
  beforeCommit(tx, async () => {
    const entries = batches.get(tx)!;
    batches.delete(tx);
    await chainEntries(tx, entries);
  });
}

async function chainEntries(tx: Tx, entries: Pending[]): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const head = await tx.one<{ seq: number; hash: string }>('select seq, hash from audit_head');
  if (!head) throw new Error('audit_head row missing: the audit migration did not run');
  const at = clock.now().toISOString();
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const rows = entries.map(({ actor, entry }) => {
    const fields: ChainFields = {
      seq: ++seq,
      at,
      actorKind: actor.kind,
      actorId: 'id' in actor ? actor.id : null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      regionCode: entry.regionCode ?? null,
      details: entry.details ?? {},
      prevHash,
    };
    prevHash = entryHash(fields);
    return { fields, hash: prevHash };
  });
  const column = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await tx.query(
    `insert into audit_log (seq, at, actor_kind, actor_id, action, object_type, object_id, region_code, details, prev_hash, hash)
     select seq, at, actor_kind, actor_id, action, object_type, object_id, region_code, details::jsonb, prev_hash, hash
     from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
       as e(seq, at, actor_kind, actor_id, action, object_type, object_id, region_code, details, prev_hash, hash)`,
    [
      column((r) => r.fields.seq),
      column((r) => r.fields.at),
      column((r) => r.fields.actorKind),
      column((r) => r.fields.actorId),
      column((r) => r.fields.action),
      column((r) => r.fields.objectType),
      column((r) => r.fields.objectId),
      column((r) => r.fields.regionCode),
      column((r) => JSON.stringify(r.fields.details)),
      column((r) => r.fields.prevHash),
      column((r) => r.hash),
    ],
  );
  await tx.query('update audit_head set seq = $1, hash = $2', [seq, prevHash]);
}

export interface AuditProblem {
  seq: number;
  problem: 'HASH_MISMATCH' | 'CHAIN_BROKEN' | 'MISSING_ROWS' | 'HEAD_MISMATCH';
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

interface AuditRow {
  seq: number;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  region_code: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  [key: string]: unknown;
}

/** Walk the whole chain in pages; report every row whose content or link does not hold. */
export async function verifyAudit(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = '0'.repeat(64);
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('select * from audit_log where seq >= $1 order by seq limit $2', [
      expectedSeq,
      pageSize,
    ]);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) problems.push({ seq: expectedSeq, problem: 'MISSING_ROWS' });
      if (row.prev_hash !== prevHash) problems.push({ seq, problem: 'CHAIN_BROKEN' });
      const recomputed = entryHash({
        seq,
        at: new Date(row.at).toISOString(),
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        regionCode: row.region_code,
        details: row.details,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) problems.push({ seq, problem: 'HASH_MISMATCH' });
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.one<{ seq: number; hash: string }>('select seq, hash from audit_head');
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    problems.push({ seq: expectedSeq, problem: 'HEAD_MISMATCH' });
  }
  return { ok: problems.length === 0, checked, problems };
}
