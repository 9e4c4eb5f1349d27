import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3Hex } from '../../../kernel/crypto/sm3.ts';
import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { unprocessable } from '../../../kernel/errors.ts';

/** The operations that take an idempotency key; part of what a key stands for. */
export type KeyedOperation = 'cases.draft' | 'cases.submit' | 'cases.window_application' | 'cases.bundle_draft' | 'cases.bundle_submit';

/** SM3 of the canonical JSON of the operation and its request (the body without the key, and the path's ids). */
export const requestHash = (operation: KeyedOperation, request: Record<string, unknown>) => sm3Hex(canonicalJson({ operation, request }));

const reused = (key: string, operation: KeyedOperation, first: string) =>
  unprocessable('IDEMPOTENCY_KEY_REUSED', {}, { key, operation, firstOperation: first });

/**
 * Claims an owner's idempotency key for this request, in the transaction of the change it keys:
 * 'new' the first time (the claim commits with the change, or is rolled back with it, so a
 * failed request leaves the key free), 'repeat' when the key was claimed for the same request
 * (the caller answers with the first result), 422 IDEMPOTENCY_KEY_REUSED when it was claimed
 * for another request or operation. A concurrent request with the same key waits on the first
 * one's uncommitted claim and then sees it.
 */
export async function claimKey(tx: Tx, ownerPersonId: string, key: string, operation: KeyedOperation, request: Record<string, unknown>): Promise<'new' | 'repeat'> {
  const hash = requestHash(operation, request);
  const inserted = await tx.one<{ key: string }>(
    `insert into case_request_key (owner_person_id, key, operation, request_sm3) values ($1, $2, $3, $4)
     on conflict (owner_person_id, key) do nothing returning key`,
    [ownerPersonId, key, operation, hash],
  );
  if (inserted) return 'new';
  const first = (await tx.one<{ operation: KeyedOperation; request_sm3: string }>(
    `select operation, request_sm3 from case_request_key where owner_person_id = $1 and key = $2`,
    [ownerPersonId, key],
  ))!;
  if (first.request_sm3 !== hash) throw reused(key, operation, first.operation);
  return 'repeat';
}

/**
 * The same check without claiming (outside a transaction, before the work of a new request):
 * throws when the key was claimed for another request; a key never claimed passes.
 */
export async function checkKey(q: Queryable, ownerPersonId: string, key: string, operation: KeyedOperation, request: Record<string, unknown>): Promise<void> {
  const first = await q.one<{ operation: KeyedOperation; request_sm3: string }>(
    `select operation, request_sm3 from case_request_key where owner_person_id = $1 and key = $2`,
    [ownerPersonId, key],
  );
  if (first && first.request_sm3 !== requestHash(operation, request)) throw reused(key, operation, first.operation);
}
