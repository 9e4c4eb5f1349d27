import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError, conflict } from '../../kernel/errors.ts';
import type { LegalEntity, LegalEntityRegistry } from './legal-entities.ts';

/**
 * The proof of an enterprise's legal representative (法定代表人), shared by online registration
 * (enterprises.ts) and the window (legal-rep-window.ts). Until proven, the representation is
 * pending: the person sees it listed as pending and acts for nobody (actingOptions and the
 * session's actor require a proof), so the enterprise's licences, cases and payments stay hidden.
 */

/** Why a representation waits for a window: the registry does not know the code, or knows the ID number under another name. */
export type PendingReason = 'not_in_registry' | 'name_mismatch';

export type RegistryVerdict = { kind: 'match'; entity: LegalEntity } | { kind: 'pending'; reason: PendingReason; entity?: LegalEntity };

/**
 * What the registry says of this person as the enterprise's legal representative. Refused
 * outright when the enterprise is no longer in operation (409 ENTERPRISE_NOT_ACTIVE) or the
 * registry names another person (409 LEGAL_REP_MISMATCH): no window can override the registry;
 * a change of legal representative is registered with market regulation first.
 */
export async function registryVerdict(registry: LegalEntityRegistry, uscc: string, person: { name: string; idNumberIndex: string }): Promise<RegistryVerdict> {
  const entity = await registry.lookup(uscc);
  if (!entity) return { kind: 'pending', reason: 'not_in_registry' };
  if (entity.status !== 'active') throw conflict('ENTERPRISE_NOT_ACTIVE', {}, { uscc, status: entity.status });
  if (entity.legalRepIdNumberIndex !== person.idNumberIndex) throw conflict('LEGAL_REP_MISMATCH', {}, { uscc });
  return entity.legalRepName === person.name.trim() ? { kind: 'match', entity } : { kind: 'pending', reason: 'name_mismatch', entity };
}

export interface Proof {
  proof: 'registry' | 'window';
  /** The clerk who checked the documents (window proofs). */
  provenBy?: string | null;
  windowId?: string | null;
  note?: string | null;
}

/**
 * Record the proof of `personId` as the legal representative. When that person replaces an
 * unproven claimant, every authorisation given under the old claim is revoked: agents named by
 * someone who was never the legal representative must not start acting once the enterprise is proven.
 */
export async function proveLegalRep(
  tx: Tx,
  actor: Actor,
  e: { id: string; uscc: string; regionCode: string | null; claimantId: string },
  personId: string,
  proof: Proof,
): Promise<{ replaced: string | null; agentsRevoked: number }> {
  const replaced = e.claimantId === personId ? null : e.claimantId;
  const updated = await tx.query(
    `update enterprise set legal_rep_person_id = $2, legal_rep_proof = $3, legal_rep_proven_at = clock_now(),
            legal_rep_proven_by = $4, legal_rep_proof_window_id = $5, legal_rep_proof_note = $6
      where id = $1 and legal_rep_proof is null and legal_rep_person_id = $7 returning id`,
    [e.id, personId, proof.proof, proof.provenBy ?? null, proof.windowId ?? null, proof.note ?? null, e.claimantId],
  );
  // the caller read the row for update; a second proof in between would be a bug, not a user error
  if (updated.length === 0) throw new AppError('LEGAL_REP_ALREADY_PROVEN', 409, {}, { uscc: e.uscc });
  let agentsRevoked = 0;
  if (replaced) {
    agentsRevoked = (await tx.query("update enterprise_agent set revoked_at = clock_now() where enterprise_id = $1 and revoked_at is null returning id", [e.id])).length;
    await appendAudit(tx, actor, {
      action: 'enterprise.legal_rep_replaced',
      objectType: 'enterprise',
      objectId: e.id,
      regionCode: e.regionCode,
      details: { uscc: e.uscc, previous: replaced, legalRep: personId, agentsRevoked },
    });
  }
  await appendAudit(tx, actor, {
    action: 'enterprise.legal_rep_proven',
    objectType: 'enterprise',
    objectId: e.id,
    regionCode: e.regionCode,
    details: { uscc: e.uscc, legalRep: personId, proof: proof.proof, windowId: proof.windowId ?? null, note: proof.note ?? null },
  });
  return { replaced, agentsRevoked };
}
