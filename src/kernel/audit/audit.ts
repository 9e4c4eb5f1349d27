import type { Actor } from '../actor.ts';
import { canonicalJson } from '../canonical-json.ts';
import { DEV_MASTER_KEY } from '../config.ts';
import { hmacSm3, sm3Hex } from '../crypto/sm3.ts';
import { beforeCommit } from '../db/commit-hooks.ts';
import type { Db, Queryable, Tx } from '../db/index.ts';
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

/**
 * The chain is keyed (HMAC-SM3) with a key derived from the node's master key, which lives in the
 * environment, never in the database: someone who can write the database can change a row but
 * cannot compute the hash that would make the change, and every later link, look right.
 */
let chainKey = deriveChainKey(DEV_MASTER_KEY);

function deriveChainKey(masterKeyHex: string): Buffer {
  return Buffer.from(sm3Hex(`yiwang.audit.chain:${masterKeyHex}`), 'hex');
}

/** The node's key for the chain; createContext sets it from the configured master key. */
export function useAuditKey(masterKeyHex: string): void {
  chainKey = deriveChainKey(masterKeyHex);
}

const entryHash = (f: ChainFields) => hmacSm3(chainKey, canonicalJson(f));
/** How entries were hashed before the chain was keyed: plain SM3, which anyone can recompute. */
const unkeyedHash = (f: ChainFields) => sm3Hex(canonicalJson(f));

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
  /**
   * UNKEYED: the entry holds an unkeyed hash (written before the chain was keyed, or rebuilt by
   * someone without the key); `yiwang audit rekey` keys a chain that is otherwise intact.
   */
  problem: 'HASH_MISMATCH' | 'CHAIN_BROKEN' | 'MISSING_ROWS' | 'HEAD_MISMATCH' | 'UNKEYED';
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

export interface AuditRow {
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

/** The fields an entry was hashed over, read back from its row (exported for the tamper tests). */
export const fieldsOf = (row: AuditRow): ChainFields => ({
  seq: Number(row.seq),
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

/** Visit every row of the chain in order, a page at a time. */
async function eachRow(db: Queryable, pageSize: number, visit: (row: AuditRow) => void): Promise<void> {
  let from = 1;
  for (;;) {
    const rows = await db.query<AuditRow>('select * from audit_log where seq >= $1 order by seq limit $2', [from, pageSize]);
    for (const row of rows) {
      visit(row);
      from = Number(row.seq) + 1;
    }
    if (rows.length < pageSize) return;
  }
}

/**
 * Walk the whole chain; report every row whose content or link does not hold. With
 * `acceptUnkeyed` an entry hashed without the key counts as intact (what `rekey` may upgrade).
 */
export async function verifyAudit(db: Queryable, pageSize = 5000, acceptUnkeyed = false): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = '0'.repeat(64);
  let checked = 0;
  let keyed = false;
  await eachRow(db, pageSize, (row) => {
    const seq = Number(row.seq);
    if (seq !== expectedSeq) problems.push({ seq: expectedSeq, problem: 'MISSING_ROWS' });
    if (row.prev_hash !== prevHash) problems.push({ seq, problem: 'CHAIN_BROKEN' });
    const fields = fieldsOf(row);
    if (entryHash(fields) === row.hash) keyed = true;
    // unkeyed entries can only come before the first keyed one (written before the upgrade)
    else if (keyed || unkeyedHash(fields) !== row.hash) problems.push({ seq, problem: 'HASH_MISMATCH' });
    else if (!acceptUnkeyed) problems.push({ seq, problem: 'UNKEYED' });
    prevHash = row.hash;
    expectedSeq = seq + 1;
    checked++;
  });
  const head = await db.one<{ seq: number; hash: string }>('select seq, hash from audit_head');
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    problems.push({ seq: expectedSeq, problem: 'HEAD_MISMATCH' });
  }
  return { ok: problems.length === 0, checked, problems };
}

export interface AuditRekey {
  /** Entries whose hash was rewritten with the key. */
  rekeyed: number;
  /** Set when the chain was not intact: nothing was rewritten. */
  problems: AuditProblem[];
}

/**
 * Key a chain written before the chain was keyed (an operator's `yiwang audit rekey`, once after
 * upgrading): if every entry and link holds, keyed or not, every hash from the first unkeyed entry
 * on is recomputed with the key, under the chain's lock, in one transaction. A chain with any
 * other problem is left as it is, so tampering is never laundered into a keyed chain. Audited.
 */
export async function rekeyAudit(db: Db, actor: AuditActor, pageSize = 5000): Promise<AuditRekey> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const check = await verifyAudit(tx, pageSize, true);
    if (!check.ok) return { rekeyed: 0, problems: check.problems };
    let prevHash = '0'.repeat(64);
    let rekeyed = 0;
    const changes: { seq: number; prevHash: string; hash: string }[] = [];
    await eachRow(tx, pageSize, (row) => {
      const fields = { ...fieldsOf(row), prevHash };
      const hash = entryHash(fields);
      if (hash !== row.hash || prevHash !== row.prev_hash) changes.push({ seq: fields.seq, prevHash, hash });
      prevHash = hash;
    });
    for (let i = 0; i < changes.length; i += pageSize) {
      const page = changes.slice(i, i + pageSize);
      await tx.query(
        `update audit_log l set prev_hash = c.prev_hash, hash = c.hash
           from unnest($1::bigint[], $2::text[], $3::text[]) as c(seq, prev_hash, hash) where l.seq = c.seq`,
        [page.map((c) => c.seq), page.map((c) => c.prevHash), page.map((c) => c.hash)],
      );
      rekeyed += page.length;
    }
    await tx.query('update audit_head set hash = $1', [prevHash]);
    await appendAudit(tx, actor, { action: 'audit.rekey', objectType: 'audit_log', details: { rekeyed } });
    return { rekeyed, problems: [] };
  });
}
