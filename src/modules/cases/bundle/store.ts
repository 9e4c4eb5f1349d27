import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import { allowKinds } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Db, Queryable, Row, Tx } from '../../../kernel/db/index.ts';
import { conflict, forbidden, notFound, unauthenticated } from '../../../kernel/errors.ts';
import { emit } from '../../../kernel/events/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { isApplicantOf, loadCase } from '../access.ts';
import type { MemberRef } from './plan.ts';
import type { BundleState } from './status.ts';
import { BUNDLE_TOPICS, type BundleTransitionKind } from '../events.ts';
import type { CaseRow, PrefilledFrom } from '../model.ts';
import type { SealedForm } from '../personal-form.ts';

/** Rows of the bundle tables (migration 004) and the access rules of a bundle case. */

export interface BundleCaseRow {
  id: string;
  number: string | null;
  query_code: string | null;
  state: BundleState;
  bundle_id: string;
  bundle_code: string;
  bundle_name: string;
  region_code: string;
  lead_department_id: string | null;
  applicant_kind: 'person' | 'enterprise';
  applicant_enterprise_id: string | null;
  applicant_name: string;
  owner_person_id: string;
  /** As on case_record: personal values masked here, sealed in form_pii (personal-form.ts). */
  form_data: Record<string, unknown>;
  form_pii: SealedForm;
  /** merged form field → the base library that filled it (migration 021; null on drafts made before) */
  prefilled_from: Record<string, PrefilledFrom> | null;
  idempotency_key: string | null;
  commitment_signed: boolean;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  [k: string]: unknown;
}

export const BUNDLE_COLUMNS = `b.id, b.number, b.query_code, b.state, b.bundle_id, b.bundle_code, b.bundle_name, b.region_code, b.lead_department_id,
  b.applicant_kind, b.applicant_enterprise_id, b.applicant_name, b.owner_person_id, b.form_data, b.form_pii, b.prefilled_from, b.idempotency_key, b.submitted_at,
  b.created_at, b.updated_at, b.version, b.commitment_signed`;

export interface MemberRow extends MemberRef {
  caseId: string | null;
}

export async function membersOf(q: Queryable, bundleCaseId: string): Promise<MemberRow[]> {
  return q.query<MemberRow & Row>(
    `select position, item_id as "itemId", item_code as "itemCode", item_name as "itemName", step, optional, case_id as "caseId"
       from case_bundle_member where bundle_case_id = $1 order by position`,
    [bundleCaseId],
  );
}

/** Member cases with their rows, locked: the bundle changes them in its transaction. */
export async function memberCases(tx: Tx, members: readonly MemberRow[]): Promise<{ member: MemberRow; c: CaseRow }[]> {
  const out: { member: MemberRow; c: CaseRow }[] = [];
  for (const member of members) {
    const c = member.caseId ? await loadCase(tx, member.caseId, true) : undefined;
    if (c) out.push({ member, c });
  }
  return out;
}

/** The applicant side, with the same rule as a single case (the person, or whoever acts for the enterprise now). */
export const isBundleApplicant = (actor: Actor, b: BundleCaseRow) =>
  isApplicantOf(actor, { applicant_kind: b.applicant_kind, applicant_enterprise_id: b.applicant_enterprise_id, owner_person_id: b.owner_person_id } as CaseRow);

/** A bundle case its applicant reads; anyone else gets 404, so ids cannot be probed. */
export async function readableBundle(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<BundleCaseRow> {
  // the applicant's; staff are named so that they get 404 like any non-applicant (they reach the member cases)
  allowKinds(actor, ['person', 'staff']);
  const b = await q.one<BundleCaseRow>(`select ${BUNDLE_COLUMNS} from case_bundle b where b.id = $1${forUpdate ? ' for update' : ''}`, [id]);
  if (!b || !isBundleApplicant(actor, b)) throw notFound('case_bundle', id);
  return b;
}

/** A bundle case its applicant changes: the row is locked for the rest of the transaction. */
export async function ownBundle(q: Queryable, actor: Actor, id: string): Promise<BundleCaseRow> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'applicant' });
  return readableBundle(q, actor, id, true);
}

export function checkBundleVersion(b: BundleCaseRow, version: number): void {
  if (b.version !== version) throw conflict('VERSION_CONFLICT', {}, { current: b.version });
}

/** Changes the bundle row; the caller holds its lock and has checked the version. */
export async function updateBundleCase(tx: Tx, b: BundleCaseRow, fields: Record<string, unknown>): Promise<BundleCaseRow> {
  const params: unknown[] = [b.id, b.version];
  const sets = Object.entries(fields).map(([k, v]) => {
    params.push(k === 'form_data' || k === 'form_pii' ? JSON.stringify(v) : v);
    return `${k} = $${params.length}`;
  });
  const row = await tx.one<BundleCaseRow>(
    `update case_bundle b set ${[...sets, 'version = b.version + 1', 'updated_at = clock_now()'].join(', ')}
      where b.id = $1 and b.version = $2 returning ${BUNDLE_COLUMNS}`,
    params,
  );
  if (!row) throw conflict('VERSION_CONFLICT', {}, { current: b.version });
  return row;
}

/** A bundle-level transition: timeline entry, audit entry and outbox event (`BUNDLE_TOPICS[kind]`), in the caller's transaction. */
export async function recordBundleEvent(tx: Tx, actor: Actor, b: BundleCaseRow, kind: BundleTransitionKind, details: Record<string, unknown> = {}): Promise<void> {
  const id = uuidv7();
  const actorId = 'id' in actor && /^[0-9a-f-]{36}$/.test(actor.id) ? actor.id : null;
  const actorName = actor.kind === 'person' || actor.kind === 'staff' ? actor.name : null;
  await tx.query(
    `insert into case_bundle_event (id, bundle_case_id, kind, actor_kind, actor_id, actor_name, details) values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, b.id, kind, actor.kind, actorId, actorName, JSON.stringify(details)],
  );
  await appendAudit(tx, actor, {
    action: `case_bundle.${kind}`,
    objectType: 'case_bundle',
    objectId: b.id,
    regionCode: b.region_code,
    details: { number: b.number, bundle: b.bundle_code, ...details },
  });
  await emit(tx, BUNDLE_TOPICS[kind], { bundleCaseId: b.id, number: b.number, bundleId: b.bundle_id, ...details }, { regionCode: b.region_code, dedupeKey: `case-bundle-event:${id}` });
}

/**
 * Runs fn inside a savepoint of the transaction: kept if it succeeds and `keep` is set, undone
 * otherwise, so one member's failed submission leaves no partial writes beside the others.
 */
export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>, keep = true): Promise<T> {
  await tx.exec('savepoint bundle_member');
  try {
    const out = await fn();
    if (!keep) await tx.exec('rollback to savepoint bundle_member');
    return out;
  } catch (err) {
    await tx.exec('rollback to savepoint bundle_member');
    throw err;
  } finally {
    await tx.exec('release savepoint bundle_member');
  }
}

/**
 * The cases services each open their own transaction; a bundle creates or changes all its
 * members in one. This context hands them the bundle's transaction instead, so their checks and
 * writes run unchanged and commit or roll back with the bundle.
 */
export function withinTransaction(ctx: AppContext, tx: Tx): AppContext {
  const db: Db = {
    backend: ctx.db.backend,
    query: <T extends Row = Row>(sql: string, params?: unknown[]) => tx.query<T>(sql, params),
    one: <T extends Row = Row>(sql: string, params?: unknown[]) => tx.one<T>(sql, params),
    exec: (sql: string) => tx.exec(sql),
    transaction: <T>(fn: (inner: Tx) => Promise<T>) => fn(tx),
    ping: () => ctx.db.ping(),
    close: () => Promise.reject(new Error('a transaction is not closed from inside')),
  };
  return { ...ctx, db };
}
